SET lock_timeout = '5s';

CREATE FUNCTION "public"."dbl"(x integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
RETURN (x * 2);

CREATE VIEW "public"."v" AS SELECT id,
    public.dbl(qty) AS q2
   FROM public.items;

RESET lock_timeout;
