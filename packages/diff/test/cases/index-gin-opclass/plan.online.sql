SET lock_timeout = '5s';

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_doc" ON "public"."t" USING "gin" ("doc" "pg_catalog"."jsonb_path_ops");

RESET lock_timeout;
