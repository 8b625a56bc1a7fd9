CREATE TABLE t (id int, a text, b int, doc jsonb);
