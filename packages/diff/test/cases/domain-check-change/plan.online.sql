SET lock_timeout = '5s';

ALTER DOMAIN "public"."d" DROP CONSTRAINT "d_small";

ALTER DOMAIN "public"."d" ADD CONSTRAINT "d_pos" CHECK ((VALUE > 0)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER DOMAIN "public"."d" VALIDATE CONSTRAINT "d_pos";

ALTER DOMAIN "public"."d" ADD CONSTRAINT "d_small" CHECK ((VALUE < 100)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER DOMAIN "public"."d" VALIDATE CONSTRAINT "d_small";

RESET lock_timeout;
