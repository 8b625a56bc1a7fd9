SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "v" TYPE integer[] USING "v"::integer[];

RESET lock_timeout;
