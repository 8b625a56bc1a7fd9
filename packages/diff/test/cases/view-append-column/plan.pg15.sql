CREATE OR REPLACE VIEW "public"."v" AS SELECT t.id,
    t.name,
    t.n
   FROM public.t;
