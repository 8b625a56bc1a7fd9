CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', CHECK (m <> 'happy' OR id > 0));
CREATE INDEX t_ok ON t (id) WHERE m = 'ok';
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_visible ON t USING (m <> 'sad');
CREATE TABLE notes (label text CHECK (label::mood <> 'sad'));
INSERT INTO t VALUES (1, 'sad'), (2, 'ok');
INSERT INTO notes VALUES ('ok');
