SET lock_timeout = '5s';

DROP VIEW "public"."v";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_open";

DROP FUNCTION "public"."all_st"();

DROP FUNCTION "public"."first_st"();

DROP FUNCTION "public"."is_open"(s public.st);

CREATE TYPE "public"."st__new" AS ENUM ('draft', 'sent');

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" DROP DEFAULT;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE "public"."st__new" USING "s"::text::"public"."st__new";

DROP TYPE "public"."st";

ALTER TYPE "public"."st__new" RENAME TO "st";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" SET DEFAULT 'draft'::public.st;

CREATE FUNCTION "public"."all_st"()
RETURNS SETOF public.st
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT unnest(enum_range(NULL::st)) $body$;

CREATE FUNCTION "public"."first_st"()
RETURNS public.st
LANGUAGE "sql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT 'draft'::st $body$;

COMMENT ON FUNCTION "public"."first_st"() IS 'the first state';

CREATE FUNCTION "public"."is_open"(s public.st)
RETURNS boolean
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
RETURN (s = ANY (ARRAY['draft'::public.st, 'sent'::public.st]));

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_open" CHECK ((public.is_open(s) OR (id > 0))) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "t_open";

CREATE VIEW "public"."v" AS SELECT t.id
   FROM public.t
  WHERE public.is_open(t.s);

RESET lock_timeout;
