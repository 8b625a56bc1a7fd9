CREATE DOMAIN d AS integer; CREATE TABLE t (n d);
