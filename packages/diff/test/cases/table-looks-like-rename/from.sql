CREATE TABLE usr (id int, name text);
