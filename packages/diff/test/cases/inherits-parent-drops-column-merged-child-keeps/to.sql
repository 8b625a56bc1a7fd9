CREATE TABLE base (id int); CREATE TABLE aa_merged (v int) INHERITS (base);
