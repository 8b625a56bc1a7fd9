CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE person (id int PRIMARY KEY, email text COLLATE ci NOT NULL);
CREATE UNIQUE INDEX person_email ON person (email);
