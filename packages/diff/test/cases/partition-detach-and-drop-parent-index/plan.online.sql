SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP INDEX "public"."ev_k";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_2024_k" ON "public"."ev_2024" USING "btree" ("k");

RESET lock_timeout;
