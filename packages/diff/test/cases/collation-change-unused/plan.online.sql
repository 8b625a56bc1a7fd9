SET lock_timeout = '5s';

DROP COLLATION "public"."sortable";

CREATE COLLATION "public"."sortable" (provider = icu, locale = 'und-u-kn');

RESET lock_timeout;
