-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."st" ADD VALUE 'pending' BEFORE 'active';

-- hazards: enum-value-uncommitted
ALTER TYPE "public"."st" ADD VALUE 'archived' AFTER 'done';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" SET DEFAULT 'pending'::public.st;

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_pending" ON "public"."t" USING "btree" ("id") WHERE s = 'pending'::public.st;
