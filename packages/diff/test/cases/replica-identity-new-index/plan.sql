-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "t_code" ON "public"."t" USING "btree" ("code");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY USING INDEX "t_code";
