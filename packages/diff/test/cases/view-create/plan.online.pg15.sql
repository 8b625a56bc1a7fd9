SET lock_timeout = '5s';

CREATE VIEW "public"."v" AS SELECT t.id,
    t.name
   FROM public.t
  WHERE t.n > 0;

RESET lock_timeout;
