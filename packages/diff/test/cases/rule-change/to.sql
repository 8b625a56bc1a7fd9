CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE orders_log (id int, total numeric);
CREATE RULE orders_audit AS ON UPDATE TO orders WHERE old.total IS DISTINCT FROM new.total DO ALSO INSERT INTO orders_log (id, total) VALUES (new.id, new.total - old.total);
