SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" SET MINVALUE 5 SET MAXVALUE 5000 SET START WITH 20 SET CYCLE;

RESET lock_timeout;
