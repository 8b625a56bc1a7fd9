CREATE COLLATION sortable (provider = icu, locale = 'und-u-kn', deterministic = true);
