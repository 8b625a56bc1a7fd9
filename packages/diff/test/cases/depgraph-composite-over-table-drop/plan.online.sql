SET lock_timeout = '5s';

DROP TYPE "public"."a_pair";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_item";

RESET lock_timeout;
