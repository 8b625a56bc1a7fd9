CREATE TYPE st AS ENUM ('pending', 'active'); CREATE TABLE t (s st DEFAULT 'pending');
