SET lock_timeout = '5s';

CREATE FUNCTION "public"."scale"(x numeric, by_ numeric DEFAULT 2)
RETURNS numeric
LANGUAGE "sql"
IMMUTABLE
STRICT
PARALLEL SAFE
SECURITY INVOKER
RETURN (x * by_);

COMMENT ON FUNCTION "public"."scale"(x numeric, by_ numeric) IS 'multiplies';

RESET lock_timeout;
