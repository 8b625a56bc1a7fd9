CREATE VIEW "public"."v" AS SELECT id AS ident,
    name AS label
   FROM public.t;
