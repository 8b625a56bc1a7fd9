-- hazards: enum-value-uncommitted, not-transactional
-- outside a transaction
ALTER TYPE "public"."mood" ADD VALUE 'happy' AFTER 'ok';
