SET lock_timeout = '5s';

DROP VIEW "r"."v";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE text;

CREATE VIEW "r"."v" AS SELECT id,
    n
   FROM public.t;

RESET lock_timeout;
