SET lock_timeout = '5s';

CREATE TYPE "public"."size__new" AS ENUM ('l', 's');

DROP TYPE "public"."size";

ALTER TYPE "public"."size__new" RENAME TO "size";

CREATE TABLE "public"."u" (
  "s" "public"."size" NOT NULL
);

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "label" TYPE "public"."size" USING "label"::"public"."size";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD COLUMN "s" "public"."size" DEFAULT 's'::public.size;

RESET lock_timeout;
