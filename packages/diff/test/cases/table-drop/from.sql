CREATE TABLE users (id bigint PRIMARY KEY); CREATE TABLE keep (id int);
