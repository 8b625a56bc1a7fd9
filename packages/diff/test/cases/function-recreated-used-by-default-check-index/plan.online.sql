SET lock_timeout = '5s';

DROP POLICY "t_p" ON "public"."t";

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_f";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "code" DROP DEFAULT;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_ok";

DROP FUNCTION "public"."is_ok"(i integer);

DROP FUNCTION "public"."next_code"();

CREATE FUNCTION "public"."is_ok"(n bigint)
RETURNS boolean
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT n >= 0 $body$;

CREATE FUNCTION "public"."next_code"()
RETURNS character varying
LANGUAGE "sql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ SELECT 'b'::varchar $body$;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "code" SET DEFAULT public.next_code();

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_ok" CHECK (public.is_ok((id)::bigint)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "t_ok";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_f" ON "public"."t" USING "btree" ((public.is_ok(id::bigint))) WHERE public.is_ok(id::bigint);

CREATE POLICY "t_p" ON "public"."t" AS PERMISSIVE FOR ALL TO PUBLIC USING (public.is_ok((id)::bigint));

RESET lock_timeout;
