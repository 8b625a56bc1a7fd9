-- hazards: blocks-writes, builds-index
CREATE INDEX "t_email_idx" ON "public"."t" USING "btree" ("email");
