CREATE TABLE items (id int, qty int);
