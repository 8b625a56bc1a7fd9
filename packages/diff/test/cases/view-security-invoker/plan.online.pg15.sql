SET lock_timeout = '5s';

CREATE OR REPLACE VIEW "public"."v" WITH (security_invoker=true) AS SELECT t.id
   FROM public.t;

RESET lock_timeout;
