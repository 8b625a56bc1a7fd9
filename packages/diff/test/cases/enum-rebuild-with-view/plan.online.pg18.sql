SET lock_timeout = '5s';

DROP VIEW "public"."v";

CREATE TYPE "public"."c__new" AS ENUM ('r', 'b');

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "c" TYPE "public"."c__new" USING "c"::text::"public"."c__new";

DROP TYPE "public"."c";

ALTER TYPE "public"."c__new" RENAME TO "c";

CREATE VIEW "public"."v" AS SELECT id,
    c
   FROM public.t;

RESET lock_timeout;
