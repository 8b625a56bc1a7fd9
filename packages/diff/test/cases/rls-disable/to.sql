CREATE TABLE doc (id int, owner text, public boolean);
