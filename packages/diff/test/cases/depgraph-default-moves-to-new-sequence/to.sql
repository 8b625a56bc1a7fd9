CREATE SEQUENCE new_seq START 1000;
CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('new_seq'));
