-- hazards: blocks-writes, builds-index
CREATE INDEX "t_lower_a" ON "public"."t" USING "btree" ((lower(a))) WHERE b > 0;
