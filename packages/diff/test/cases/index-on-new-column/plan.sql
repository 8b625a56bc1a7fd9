-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "c" uuid;

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_c" ON "public"."t" USING "btree" ("c");
