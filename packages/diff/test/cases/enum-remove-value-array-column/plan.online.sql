SET lock_timeout = '5s';

CREATE TYPE "public"."tag__new" AS ENUM ('a', 'b');

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "tags" DROP DEFAULT;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "tags" TYPE "public"."tag__new"[] USING "tags"::text[]::"public"."tag__new"[];

DROP TYPE "public"."tag";

ALTER TYPE "public"."tag__new" RENAME TO "tag";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "tags" SET DEFAULT '{a}'::public.tag[];

RESET lock_timeout;
