CREATE TABLE base (id int NOT NULL DEFAULT 1, name text, CONSTRAINT base_id_check CHECK (id > 0)); CREATE TABLE child (extra text) INHERITS (base);
