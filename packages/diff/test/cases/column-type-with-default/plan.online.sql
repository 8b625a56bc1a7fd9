SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "n" DROP DEFAULT;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "n" TYPE bigint;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "n" SET DEFAULT 0;

RESET lock_timeout;
