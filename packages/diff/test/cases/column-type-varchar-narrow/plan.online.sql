SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE character varying(10);

RESET lock_timeout;
