-- hazards: blocks-writes, builds-index
CREATE INDEX "ev_at_k" ON "public"."ev" USING "btree" ("at", "k" DESC) WHERE k > 0;
