SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "at" TYPE timestamp with time zone;

RESET lock_timeout;
