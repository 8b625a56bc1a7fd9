SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY NOTHING;

RESET lock_timeout;
