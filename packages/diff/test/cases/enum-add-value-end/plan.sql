-- hazards: enum-value-uncommitted
ALTER TYPE "public"."mood" ADD VALUE 'happy' AFTER 'ok';
