-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."st" ADD VALUE 'pending' BEFORE 'active';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "s" SET DEFAULT 'pending'::public.st;
