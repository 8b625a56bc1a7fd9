CREATE TABLE base (id int, v int); CREATE TABLE child (extra text) INHERITS (base);
