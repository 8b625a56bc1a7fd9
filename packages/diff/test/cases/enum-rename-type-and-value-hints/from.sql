CREATE TYPE todo_status AS ENUM ('open', 'finished');
CREATE TABLE todo_items (id int PRIMARY KEY, name varchar(100), status todo_status NOT NULL DEFAULT 'open');
CREATE INDEX todo_items_name_idx ON todo_items (name);
INSERT INTO todo_items VALUES (1, 'a', 'open'), (2, 'b', 'finished');
