CREATE TABLE orders (id int PRIMARY KEY, total numeric);
CREATE TABLE orders_log (id int, total numeric, at timestamptz DEFAULT now());
