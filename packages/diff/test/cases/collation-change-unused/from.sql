CREATE COLLATION sortable (provider = libc, locale = 'C');
