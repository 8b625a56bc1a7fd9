CREATE TABLE base (id int, v int); CREATE TABLE aa_merged (v int) INHERITS (base);
