DROP VIEW "public"."v";

CREATE VIEW "public"."v" WITH (security_barrier=true) AS SELECT id
   FROM public.t
  WHERE n > 0 WITH LOCAL CHECK OPTION;
