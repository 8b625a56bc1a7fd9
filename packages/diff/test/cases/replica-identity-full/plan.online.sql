SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY FULL;

RESET lock_timeout;
