SET lock_timeout = '5s';

CREATE OR REPLACE VIEW "public"."v" AS SELECT t.id,
    t.name,
    t.n
   FROM public.t;

RESET lock_timeout;
