SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "legacy";

RESET lock_timeout;
