SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "a_pos" CHECK ((a > 0)) NO INHERIT NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "a_pos";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "b_key" ON "public"."t" USING "btree" ("b");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "b_key" UNIQUE USING INDEX "b_key" DEFERRABLE INITIALLY DEFERRED;

RESET lock_timeout;
