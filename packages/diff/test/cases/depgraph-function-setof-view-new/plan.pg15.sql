CREATE VIEW "public"."m_named" AS SELECT z_item.id,
    z_item.name
   FROM public.z_item
  WHERE z_item.name IS NOT NULL;

CREATE FUNCTION "public"."a_named"()
RETURNS SETOF public.m_named
LANGUAGE "plpgsql"
STABLE
CALLED ON NULL INPUT
PARALLEL UNSAFE
SECURITY INVOKER
AS $body$ BEGIN RETURN QUERY SELECT * FROM m_named; END $body$;
