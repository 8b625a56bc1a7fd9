CREATE TABLE base (id int NOT NULL, v int); CREATE TABLE child (extra text) INHERITS (base); CREATE TABLE merged (v int) INHERITS (base);
