SET lock_timeout = '5s';

CREATE TYPE "public"."mood__new" AS ENUM ('sad', 'ok');

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "m" DROP DEFAULT;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "m" TYPE "public"."mood__new" USING "m"::text::"public"."mood__new";

DROP TYPE "public"."mood";

ALTER TYPE "public"."mood__new" RENAME TO "mood";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "m" SET DEFAULT 'ok'::public.mood;

RESET lock_timeout;
