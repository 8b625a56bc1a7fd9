CREATE SCHEMA old; CREATE TABLE keep (id int);
