SET lock_timeout = '5s';

DROP VIEW "public"."v";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

CREATE VIEW "public"."v" AS SELECT id,
    n
   FROM public.t;

GRANT SELECT ON TABLE "public"."v" TO "pg_monitor";

RESET lock_timeout;
