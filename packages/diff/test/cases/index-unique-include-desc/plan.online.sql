SET lock_timeout = '5s';

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_u" ON "public"."t" USING "btree" ("b" DESC NULLS LAST, "id") INCLUDE ("a");

RESET lock_timeout;
