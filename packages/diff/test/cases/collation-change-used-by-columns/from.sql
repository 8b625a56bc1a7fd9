CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION ci IS 'case-insensitive';
CREATE TABLE person (id int PRIMARY KEY, email text COLLATE ci, nick varchar(20) COLLATE ci);
CREATE UNIQUE INDEX person_email ON person (email);
CREATE VIEW emails AS SELECT email FROM person;
INSERT INTO person VALUES (1, 'a@example.com', 'Ann'), (2, 'b@example.com', 'Bob');
