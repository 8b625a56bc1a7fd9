CREATE TYPE sw AS ENUM ('on', 'off'); CREATE TABLE t (s sw);
