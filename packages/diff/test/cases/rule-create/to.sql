CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE orders_log (id int, total numeric, at timestamptz DEFAULT now());
CREATE RULE orders_audit AS ON INSERT TO orders WHERE new.total > 100 DO ALSO INSERT INTO orders_log (id, total) VALUES (new.id, new.total);
CREATE RULE orders_keep AS ON DELETE TO orders DO INSTEAD NOTHING;
