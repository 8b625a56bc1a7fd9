SET lock_timeout = '5s';

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_lower_a" ON "public"."t" USING "btree" ((lower(a))) WHERE b > 0;

RESET lock_timeout;
