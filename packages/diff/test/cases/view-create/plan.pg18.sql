CREATE VIEW "public"."v" AS SELECT id,
    name
   FROM public.t
  WHERE n > 0;
