CREATE COLLATION bytes (provider = libc, locale = 'C');
COMMENT ON COLLATION bytes IS 'byte order';
