SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ev_a";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."ev";

RESET lock_timeout;
