CREATE TABLE users (id int CONSTRAINT usr_pkey PRIMARY KEY, name text); CREATE INDEX usr_name ON users (name);
