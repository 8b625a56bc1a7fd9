CREATE TABLE a_t (id int PRIMARY KEY, name text);
