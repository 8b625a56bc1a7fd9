SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."base" ALTER COLUMN "id" TYPE bigint;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."base" ALTER COLUMN "v" TYPE bigint;

RESET lock_timeout;
