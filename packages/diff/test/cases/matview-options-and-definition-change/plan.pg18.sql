DROP MATERIALIZED VIEW "public"."mv";

CREATE MATERIALIZED VIEW "public"."mv" WITH (fillfactor=90) AS SELECT id,
    v
   FROM public.t WITH DATA;
