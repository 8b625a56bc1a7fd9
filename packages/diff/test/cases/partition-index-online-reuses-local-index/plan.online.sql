SET lock_timeout = '5s';

CREATE INDEX "ev_k" ON ONLY "public"."ev" USING "btree" ("k");

ALTER INDEX "public"."ev_k" ATTACH PARTITION "public"."ev_2024_local_k";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_2025_k_idx" ON "public"."ev_2025" USING "btree" ("k");

ALTER INDEX "public"."ev_k" ATTACH PARTITION "public"."ev_2025_k_idx";

RESET lock_timeout;
