SET lock_timeout = '5s';

CREATE TYPE "public"."p__new" AS ENUM ('low', 'mid', 'high');

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "p" TYPE "public"."p__new" USING "p"::text::"public"."p__new";

DROP TYPE "public"."p";

ALTER TYPE "public"."p__new" RENAME TO "p";

RESET lock_timeout;
