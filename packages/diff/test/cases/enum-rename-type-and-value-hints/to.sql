CREATE TYPE task_status AS ENUM ('open', 'done');
CREATE TABLE tasks (id int PRIMARY KEY, title varchar(100), status task_status NOT NULL DEFAULT 'open');
CREATE INDEX tasks_title_idx ON tasks (title);
