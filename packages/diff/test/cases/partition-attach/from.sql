CREATE TABLE ev (id bigint, at date NOT NULL) PARTITION BY RANGE (at); CREATE TABLE ev_2024 (id bigint, at date NOT NULL);
