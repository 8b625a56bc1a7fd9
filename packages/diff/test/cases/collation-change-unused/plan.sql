DROP COLLATION "public"."sortable";

CREATE COLLATION "public"."sortable" (provider = icu, locale = 'und-u-kn');
