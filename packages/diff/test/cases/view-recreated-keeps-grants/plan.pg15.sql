DROP VIEW "public"."v";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

CREATE VIEW "public"."v" AS SELECT t.id,
    t.n
   FROM public.t;

GRANT SELECT ON TABLE "public"."v" TO "pg_monitor";
