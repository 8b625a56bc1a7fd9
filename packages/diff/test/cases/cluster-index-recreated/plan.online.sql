SET lock_timeout = '5s';

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_note";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_note" ON "public"."t" USING "btree" ("note" DESC);

ALTER TABLE "public"."t" CLUSTER ON "t_note";

RESET lock_timeout;
