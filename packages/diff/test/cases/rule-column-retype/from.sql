CREATE TABLE orders (id int PRIMARY KEY, total int);
CREATE TABLE orders_log (id int, total bigint);
CREATE RULE orders_audit AS ON INSERT TO orders DO ALSO INSERT INTO orders_log (id, total) VALUES (new.id, new.total);
