SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "a" SET STATISTICS -1, ALTER COLUMN "a" SET STORAGE EXTENDED;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "b" SET COMPRESSION default;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "n" SET STORAGE MAIN;

ALTER TABLE "public"."t" ALTER COLUMN "c" SET STATISTICS -1;

RESET lock_timeout;
