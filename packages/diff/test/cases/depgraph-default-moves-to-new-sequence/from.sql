CREATE SEQUENCE old_seq;
CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('old_seq'));
