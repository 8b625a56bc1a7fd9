DROP VIEW "public"."v";

CREATE VIEW "public"."v" AS SELECT id,
    n
   FROM public.t;
