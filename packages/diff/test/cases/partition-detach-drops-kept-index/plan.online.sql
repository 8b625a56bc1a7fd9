SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."ev_2024_k_idx";

RESET lock_timeout;
