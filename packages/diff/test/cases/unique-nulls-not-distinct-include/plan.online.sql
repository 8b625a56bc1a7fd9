SET lock_timeout = '5s';

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_ab" ON "public"."t" USING "btree" ("a", "b") INCLUDE ("c") NULLS NOT DISTINCT;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_ab" UNIQUE USING INDEX "t_ab";

RESET lock_timeout;
