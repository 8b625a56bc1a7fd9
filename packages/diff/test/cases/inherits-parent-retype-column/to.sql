CREATE TABLE base (id bigint NOT NULL, v bigint); CREATE TABLE child (extra text) INHERITS (base); CREATE TABLE merged (v bigint) INHERITS (base);
