CREATE TABLE e (id int, at date, PRIMARY KEY (id, at)) PARTITION BY HASH (id); CREATE TABLE r (id int, at date, FOREIGN KEY (id, at) REFERENCES e);
