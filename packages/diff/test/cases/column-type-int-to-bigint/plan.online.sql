SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

RESET lock_timeout;
