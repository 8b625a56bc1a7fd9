-- hazards: blocks-writes, builds-index
CREATE INDEX "t_doc" ON "public"."t" USING "gin" ("doc" "pg_catalog"."jsonb_path_ops");
