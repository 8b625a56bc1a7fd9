-- The server's version number, read once: the other queries are rendered for it.
SELECT pg_catalog.current_setting('server_version_num')::pg_catalog.int4 AS version_num
