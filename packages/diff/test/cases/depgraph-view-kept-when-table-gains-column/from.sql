CREATE TABLE z_item (id int PRIMARY KEY, name text);
CREATE VIEW a_names AS SELECT id, name FROM z_item;
INSERT INTO z_item VALUES (1, 'one');
