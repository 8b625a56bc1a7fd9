CREATE TABLE base (id int); CREATE TABLE child (extra text) INHERITS (base); ALTER TABLE base ADD COLUMN v int;
