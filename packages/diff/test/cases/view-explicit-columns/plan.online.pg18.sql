SET lock_timeout = '5s';

CREATE VIEW "public"."v" AS SELECT id AS ident,
    name AS label
   FROM public.t;

RESET lock_timeout;
