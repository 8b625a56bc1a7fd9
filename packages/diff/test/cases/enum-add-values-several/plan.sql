-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."s" ADD VALUE 'a' BEFORE 'b';

-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."s" ADD VALUE 'c' AFTER 'b';

-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."s" ADD VALUE 'e' AFTER 'd';
