SET lock_timeout = '5s';

CREATE TYPE "public"."txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx__new" AS ENUM ('b', 'a');

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "e" TYPE "public"."txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx__new" USING "e"::text::"public"."txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx__new";

DROP TYPE "public"."txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

ALTER TYPE "public"."txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx__new" RENAME TO "txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

RESET lock_timeout;
