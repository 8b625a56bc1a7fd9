CREATE TABLE tasks (id int PRIMARY KEY, title varchar(200) NOT NULL);
CREATE VIEW open_tasks AS SELECT id, title FROM tasks;
INSERT INTO tasks VALUES (1, 'first');
