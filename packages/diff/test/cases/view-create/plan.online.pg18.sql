SET lock_timeout = '5s';

CREATE VIEW "public"."v" AS SELECT id,
    name
   FROM public.t
  WHERE n > 0;

RESET lock_timeout;
