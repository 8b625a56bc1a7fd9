SET lock_timeout = '5s';

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_code" ON "public"."t" USING "btree" ("code");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY USING INDEX "t_code";

RESET lock_timeout;
