CREATE FUNCTION "public"."touch"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN NEW.updated_at := now(); RETURN NEW; END $body$;

-- hazards: blocks-writes
CREATE TRIGGER "t_touch" BEFORE UPDATE ON "public"."t" FOR EACH ROW EXECUTE FUNCTION "public"."touch"();
