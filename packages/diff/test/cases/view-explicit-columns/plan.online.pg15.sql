SET lock_timeout = '5s';

CREATE VIEW "public"."v" AS SELECT t.id AS ident,
    t.name AS label
   FROM public.t;

RESET lock_timeout;
