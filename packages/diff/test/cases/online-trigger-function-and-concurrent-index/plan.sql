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

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "t_email" ON "public"."t" USING "btree" ((lower(email)));

-- hazards: blocks-writes
CREATE TRIGGER "t_touch" BEFORE UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."touch"();
