-- hazards: blocks-writes, builds-index
CREATE INDEX "ev_k" ON "public"."ev" USING "btree" ("k");
