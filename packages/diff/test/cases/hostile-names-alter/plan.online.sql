SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "a.b" TYPE bigint;

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ADD CONSTRAINT "select_a.b_nn_check" CHECK ("a.b" IS NOT NULL) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "Mixed Case"."select" VALIDATE CONSTRAINT "select_a.b_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "a.b" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" DROP CONSTRAINT "select_a.b_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "ünïcödé" SET DEFAULT 'dé''faut'::text;

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ADD COLUMN "new""col" integer;

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "u ""x""" ON "Mixed Case"."select" USING "btree" ("a.b");

RESET lock_timeout;
