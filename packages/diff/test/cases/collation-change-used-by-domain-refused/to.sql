CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE DOMAIN email AS text COLLATE ci;
CREATE TABLE person (id int, email email);
