CREATE TABLE z_item (id int PRIMARY KEY, name text);
CREATE TABLE a_holder (id int PRIMARY KEY, item z_item);
