CREATE TABLE usr (id int PRIMARY KEY, name text); CREATE INDEX usr_name ON usr (name); INSERT INTO usr VALUES (1, 'ann');
