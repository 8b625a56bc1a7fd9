SET lock_timeout = '5s';

DROP MATERIALIZED VIEW "public"."mv";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE numeric;

CREATE MATERIALIZED VIEW "public"."mv" AS SELECT n
   FROM public.t WITH DATA;

COMMENT ON MATERIALIZED VIEW "public"."mv" IS 'stats';

RESET lock_timeout;
