SET lock_timeout = '5s';

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "Mixed Case" ON "public"."t" USING "btree" ("code");

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "Mixed Case" UNIQUE USING INDEX "Mixed Case";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_pkey" ON "public"."t" USING "btree" ("id");

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY USING INDEX "t_pkey";

COMMENT ON INDEX "public"."Mixed Case" IS 'it''s unique';

COMMENT ON INDEX "public"."t_pkey" IS 'by id';

RESET lock_timeout;
