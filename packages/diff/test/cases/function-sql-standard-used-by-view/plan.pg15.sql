CREATE FUNCTION "public"."dbl"(x integer)
RETURNS integer
LANGUAGE "sql"
IMMUTABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
RETURN (x * 2);

CREATE VIEW "public"."v" AS SELECT items.id,
    public.dbl(items.qty) AS q2
   FROM public.items;
