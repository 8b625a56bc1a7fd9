SET lock_timeout = '5s';

CREATE OR REPLACE FUNCTION "public"."touch"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $body$;

RESET lock_timeout;
