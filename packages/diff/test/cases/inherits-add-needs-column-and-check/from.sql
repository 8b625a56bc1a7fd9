CREATE TABLE base (id int NOT NULL, v text DEFAULT 'x', CONSTRAINT base_id_check CHECK (id > 0)); CREATE TABLE child (id int, extra text);
