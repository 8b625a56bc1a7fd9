CREATE TABLE z_item (id int PRIMARY KEY, name text);
