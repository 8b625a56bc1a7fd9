CREATE TABLE base (id int); CREATE TABLE child (extra text) INHERITS (base); CREATE TABLE aa_merged () INHERITS (base);
