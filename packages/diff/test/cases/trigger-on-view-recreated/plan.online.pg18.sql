SET lock_timeout = '5s';

DROP VIEW "public"."v";

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

CREATE VIEW "public"."v" AS SELECT id,
    n
   FROM public.t;

-- hazards: blocks-writes
CREATE TRIGGER "v_ins" INSTEAD OF INSERT ON "public"."v" FOR EACH ROW EXECUTE FUNCTION "public"."ins"();

RESET lock_timeout;
