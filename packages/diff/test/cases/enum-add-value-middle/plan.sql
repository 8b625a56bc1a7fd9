-- hazards: enum-value-uncommitted
ALTER TYPE "public"."mood" ADD VALUE 'ok' AFTER 'sad';
