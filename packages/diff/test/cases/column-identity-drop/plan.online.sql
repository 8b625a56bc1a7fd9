SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" DROP IDENTITY;

RESET lock_timeout;
