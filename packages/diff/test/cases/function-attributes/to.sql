CREATE FUNCTION add1(x integer) RETURNS integer LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = public AS $$ SELECT x + 1 $$;
