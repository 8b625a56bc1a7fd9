CREATE TABLE tasks (id int PRIMARY KEY, name varchar(300) NOT NULL);
CREATE VIEW open_tasks AS SELECT id, name AS title FROM tasks;
