DROP VIEW "public"."v";

CREATE VIEW "public"."v" WITH (security_barrier=true) AS SELECT t.id
   FROM public.t
  WHERE t.n > 0 WITH LOCAL CHECK OPTION;
