CREATE TABLE base (id int) PARTITION BY HASH (id); CREATE TABLE child (id int, extra text);
