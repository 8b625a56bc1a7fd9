SET lock_timeout = '5s';

-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."st" ADD VALUE 'pending' BEFORE 'active';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."st" ADD VALUE 'archived' AFTER 'done';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" SET DEFAULT 'pending'::public.st;

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_pending" ON "public"."t" USING "btree" ("id") WHERE s = 'pending'::public.st;

RESET lock_timeout;
