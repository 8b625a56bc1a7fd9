SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."t" DROP COLUMN "id";

RESET lock_timeout;
