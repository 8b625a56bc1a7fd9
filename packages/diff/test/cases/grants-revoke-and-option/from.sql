CREATE TABLE t (id int); GRANT SELECT, UPDATE ON t TO pg_monitor WITH GRANT OPTION; GRANT DELETE ON t TO pg_read_all_stats;
