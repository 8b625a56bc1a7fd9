CREATE MATERIALIZED VIEW "public"."mv" AS SELECT t.n,
    count(*) AS c
   FROM public.t
  GROUP BY t.n WITH DATA;

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "mv_n" ON "public"."mv" USING "btree" ("n");
