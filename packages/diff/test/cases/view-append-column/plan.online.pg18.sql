SET lock_timeout = '5s';

CREATE OR REPLACE VIEW "public"."v" AS SELECT id,
    name,
    n
   FROM public.t;

RESET lock_timeout;
