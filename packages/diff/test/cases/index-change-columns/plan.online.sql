SET lock_timeout = '5s';

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_ab";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_ab" ON "public"."t" USING "btree" ("a", "b");

RESET lock_timeout;
