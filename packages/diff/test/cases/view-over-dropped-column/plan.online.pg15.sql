SET lock_timeout = '5s';

DROP VIEW "public"."v";

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "n";

CREATE VIEW "public"."v" AS SELECT t.id,
    t.name
   FROM public.t;

RESET lock_timeout;
