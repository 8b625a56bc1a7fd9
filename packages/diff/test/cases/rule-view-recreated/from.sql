CREATE TABLE orders (id int PRIMARY KEY, total int);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE RULE big_orders_del AS ON DELETE TO big_orders DO INSTEAD DELETE FROM orders WHERE orders.id = old.id;
