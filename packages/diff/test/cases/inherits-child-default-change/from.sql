CREATE TABLE base (id int DEFAULT 1); CREATE TABLE child () INHERITS (base);
