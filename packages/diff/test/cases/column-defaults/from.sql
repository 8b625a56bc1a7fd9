CREATE TABLE t (a int DEFAULT 1, b text, c timestamptz DEFAULT now());
