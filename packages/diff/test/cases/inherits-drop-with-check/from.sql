CREATE TABLE base (id int NOT NULL, CONSTRAINT base_id_check CHECK (id > 0), CONSTRAINT base_id_small CHECK (id < 100)); CREATE TABLE child (extra text) INHERITS (base);
