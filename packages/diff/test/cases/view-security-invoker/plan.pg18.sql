CREATE OR REPLACE VIEW "public"."v" WITH (security_invoker=true) AS SELECT id
   FROM public.t;
