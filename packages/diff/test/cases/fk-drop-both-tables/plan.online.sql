SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."b";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."a";

RESET lock_timeout;
