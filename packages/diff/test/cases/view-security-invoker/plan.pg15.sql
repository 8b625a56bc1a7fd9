CREATE OR REPLACE VIEW "public"."v" WITH (security_invoker=true) AS SELECT t.id
   FROM public.t;
