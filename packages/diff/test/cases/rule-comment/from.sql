CREATE TABLE orders (id int PRIMARY KEY);
CREATE RULE orders_keep AS ON DELETE TO orders DO INSTEAD NOTHING;
COMMENT ON RULE orders_keep ON orders IS 'rows stay';
