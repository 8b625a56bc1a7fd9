ALTER DOMAIN "public"."d" DROP CONSTRAINT "d_small";

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER DOMAIN "public"."d" ADD CONSTRAINT "d_pos" CHECK ((VALUE > 0));

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER DOMAIN "public"."d" ADD CONSTRAINT "d_small" CHECK ((VALUE < 100));
