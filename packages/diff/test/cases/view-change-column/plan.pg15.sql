DROP VIEW "public"."v";

CREATE VIEW "public"."v" AS SELECT t.id,
    t.n
   FROM public.t;
