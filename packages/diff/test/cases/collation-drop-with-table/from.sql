CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE person (id int PRIMARY KEY, email text COLLATE ci NOT NULL);
CREATE TABLE keep (id int);
