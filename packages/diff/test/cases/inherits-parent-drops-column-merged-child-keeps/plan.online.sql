SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."base" DROP COLUMN "v";

RESET lock_timeout;
