SET lock_timeout = '5s';

DROP MATERIALIZED VIEW "public"."mv";

CREATE MATERIALIZED VIEW "public"."mv" WITH (fillfactor=90) AS SELECT t.id,
    t.v
   FROM public.t WITH DATA;

RESET lock_timeout;
