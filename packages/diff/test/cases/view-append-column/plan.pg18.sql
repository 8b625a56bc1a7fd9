CREATE OR REPLACE VIEW "public"."v" AS SELECT id,
    name,
    n
   FROM public.t;
