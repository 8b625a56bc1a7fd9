SET lock_timeout = '5s';

ALTER TABLE "public"."t" ALTER COLUMN "a" SET STATISTICS 1000;

RESET lock_timeout;
