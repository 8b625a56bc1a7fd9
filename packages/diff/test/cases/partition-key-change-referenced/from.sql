CREATE TABLE e (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); CREATE TABLE r (id int, at date, FOREIGN KEY (id, at) REFERENCES e);
