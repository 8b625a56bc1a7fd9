CREATE VIEW "public"."v" AS SELECT t.id AS ident,
    t.name AS label
   FROM public.t;
