DROP VIEW "public"."z0";

DROP VIEW "public"."v2";

DROP VIEW "public"."v1";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

CREATE VIEW "public"."v1" AS SELECT t.id,
    t.n
   FROM public.t;

CREATE VIEW "public"."v2" AS SELECT v1.id,
    v1.n
   FROM public.v1
  WHERE v1.n > 1;

CREATE VIEW "public"."z0" AS SELECT v2.n
   FROM public.v2;
