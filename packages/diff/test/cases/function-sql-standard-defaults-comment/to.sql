CREATE FUNCTION scale(x numeric, by_ numeric DEFAULT 2) RETURNS numeric LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN x * by_; COMMENT ON FUNCTION scale(numeric, numeric) IS 'multiplies';
