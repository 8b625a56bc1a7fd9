SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."a" DROP CONSTRAINT "a_pkey";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "a_pkey" ON "public"."a" USING "btree" ("id", "k");

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."a" ADD CONSTRAINT "a_pkey" PRIMARY KEY USING INDEX "a_pkey";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "a_id_idx" ON "public"."a" USING "btree" ("id");

-- hazards: blocks-writes
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" VALIDATE CONSTRAINT "b_a_id_fkey";

RESET lock_timeout;
