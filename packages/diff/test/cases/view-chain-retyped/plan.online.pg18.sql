SET lock_timeout = '5s';

DROP VIEW "public"."z0";

DROP VIEW "public"."v2";

DROP VIEW "public"."v1";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

CREATE VIEW "public"."v1" AS SELECT id,
    n
   FROM public.t;

CREATE VIEW "public"."v2" AS SELECT id,
    n
   FROM public.v1
  WHERE n > 1;

CREATE VIEW "public"."z0" AS SELECT n
   FROM public.v2;

RESET lock_timeout;
