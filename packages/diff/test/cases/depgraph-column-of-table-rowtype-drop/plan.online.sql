SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a_holder";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_item";

RESET lock_timeout;
