SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "c" uuid;

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_c" ON "public"."t" USING "btree" ("c");

RESET lock_timeout;
