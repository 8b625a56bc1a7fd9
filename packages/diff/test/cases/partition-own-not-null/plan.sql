CREATE TABLE "public"."reading_east" PARTITION OF "public"."reading" FOR VALUES IN ('east');

ALTER TABLE "public"."reading_east" ALTER COLUMN "note" SET NOT NULL;

ALTER TABLE "public"."reading_east" ALTER COLUMN "unit" SET NOT NULL;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."reading_north" ALTER COLUMN "note" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."reading_south" ALTER COLUMN "unit" DROP NOT NULL;
