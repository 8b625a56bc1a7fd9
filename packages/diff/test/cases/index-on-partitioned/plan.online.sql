SET lock_timeout = '5s';

CREATE INDEX "ev_k" ON ONLY "public"."ev" USING "btree" ("k");

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_a_k_idx" ON "public"."ev_a" USING "btree" ("k");

ALTER INDEX "public"."ev_k" ATTACH PARTITION "public"."ev_a_k_idx";

RESET lock_timeout;
