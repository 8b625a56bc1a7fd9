CREATE MATERIALIZED VIEW "public"."mv" WITH (fillfactor=50) AS SELECT t.id
   FROM public.t WITH DATA;

-- hazards: blocks-writes, builds-index
CREATE INDEX "mv_id" ON "public"."mv" USING "btree" ("id");
