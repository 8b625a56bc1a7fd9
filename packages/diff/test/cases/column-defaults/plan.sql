-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "a" SET DEFAULT 2;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "b" SET DEFAULT 'x'::text;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "c" DROP DEFAULT;
