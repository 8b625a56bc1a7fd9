SET lock_timeout = '5s';

CREATE FUNCTION "public"."touch"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN NEW.updated_at := now(); RETURN NEW; END $body$;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "updated_at" timestamp with time zone;

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_email" ON "public"."t" USING "btree" ((lower(email)));

-- hazards: blocks-writes
CREATE TRIGGER "t_touch" BEFORE UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."touch"();

RESET lock_timeout;
