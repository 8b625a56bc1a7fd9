-- hazards: access-exclusive-lock
DROP INDEX "public"."ev_k";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";

-- hazards: blocks-writes, builds-index
CREATE INDEX "ev_2024_k" ON "public"."ev_2024" USING "btree" ("k");
