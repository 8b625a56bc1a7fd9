CREATE TABLE a (id int NOT NULL, k int NOT NULL, CONSTRAINT a_pkey PRIMARY KEY (id, k)); CREATE UNIQUE INDEX a_id_idx ON a (id); CREATE TABLE b (a_id int CONSTRAINT b_a_id_fkey REFERENCES a (id));
