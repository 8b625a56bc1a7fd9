-- hazards: enum-value-uncommitted
ALTER TYPE "public"."mood" ADD VALUE 'sad' BEFORE 'ok';
