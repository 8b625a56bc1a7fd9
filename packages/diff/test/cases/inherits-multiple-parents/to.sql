CREATE TABLE a (id int, x int DEFAULT 1); CREATE TABLE b (id int, y int); CREATE TABLE child (z int) INHERITS (a, b);
