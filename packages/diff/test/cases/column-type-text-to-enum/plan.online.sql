SET lock_timeout = '5s';

CREATE TYPE "public"."sw" AS ENUM ('on', 'off');

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "s" TYPE "public"."sw" USING "s"::"public"."sw";

RESET lock_timeout;
