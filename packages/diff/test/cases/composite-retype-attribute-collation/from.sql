CREATE TYPE tagged AS (label text, n int);
