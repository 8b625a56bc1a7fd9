CREATE TABLE z_item (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW a_names AS SELECT id, name FROM z_item;
