-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "t_u" ON "public"."t" USING "btree" ("b" DESC NULLS LAST, "id") INCLUDE ("a");
