SET lock_timeout = '5s';

DROP MATERIALIZED VIEW "public"."mv";

CREATE MATERIALIZED VIEW "public"."mv" AS SELECT n,
    id
   FROM public.t WITH DATA;

-- hazards: blocks-writes, builds-index
CREATE INDEX "mv_n" ON "public"."mv" USING "btree" ("n");

RESET lock_timeout;
