-- hazards: access-exclusive-lock
DROP INDEX "public"."t_ab";

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_ab" ON "public"."t" USING "btree" ("a", "b");
