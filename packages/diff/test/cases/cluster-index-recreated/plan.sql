-- hazards: access-exclusive-lock
DROP INDEX "public"."t_note";

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_note" ON "public"."t" USING "btree" ("note" DESC);

ALTER TABLE "public"."t" CLUSTER ON "t_note";
