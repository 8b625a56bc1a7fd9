SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."z_item" DROP COLUMN "note";

RESET lock_timeout;
