SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_a_key";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_b_key" ON "public"."t" USING "btree" ("b");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_b_key" UNIQUE USING INDEX "t_b_key";

RESET lock_timeout;
