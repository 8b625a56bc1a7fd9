CREATE TYPE tagged AS (label text COLLATE "C", n int);
