SET lock_timeout = '5s';

CREATE INDEX "ev_at_k" ON ONLY "public"."ev" USING "btree" ("at", "k" DESC) WHERE k > 0;

CREATE INDEX "ev_2024_at_k_idx" ON ONLY "public"."ev_2024" USING "btree" ("at", "k" DESC) WHERE k > 0;

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_2024_h0_at_k_idx" ON "public"."ev_2024_h0" USING "btree" ("at", "k" DESC) WHERE k > 0;

ALTER INDEX "public"."ev_2024_at_k_idx" ATTACH PARTITION "public"."ev_2024_h0_at_k_idx";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_2024_h1_at_k_idx" ON "public"."ev_2024_h1" USING "btree" ("at", "k" DESC) WHERE k > 0;

ALTER INDEX "public"."ev_2024_at_k_idx" ATTACH PARTITION "public"."ev_2024_h1_at_k_idx";

ALTER INDEX "public"."ev_at_k" ATTACH PARTITION "public"."ev_2024_at_k_idx";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "ev_2025_at_k_idx" ON "public"."ev_2025" USING "btree" ("at", "k" DESC) WHERE k > 0;

ALTER INDEX "public"."ev_at_k" ATTACH PARTITION "public"."ev_2025_at_k_idx";

RESET lock_timeout;
