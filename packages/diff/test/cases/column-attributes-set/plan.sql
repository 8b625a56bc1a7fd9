-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "a" SET STATISTICS 500, ALTER COLUMN "a" SET STORAGE EXTERNAL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "b" SET COMPRESSION pglz;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "n" SET STORAGE EXTENDED;

ALTER TABLE "public"."t" ALTER COLUMN "c" SET STATISTICS 0;
