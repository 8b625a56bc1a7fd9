CREATE SEQUENCE ids; CREATE TABLE t (id bigint DEFAULT nextval('ids')); ALTER SEQUENCE ids OWNED BY t.id;
