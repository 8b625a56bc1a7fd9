CREATE TABLE base (id int, v int); CREATE TABLE child (extra text) INHERITS (base); CREATE TABLE aa_merged (v int) INHERITS (base);
