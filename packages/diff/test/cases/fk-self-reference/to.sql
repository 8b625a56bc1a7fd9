CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node (id) ON DELETE SET NULL);
