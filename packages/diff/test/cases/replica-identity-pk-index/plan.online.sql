SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" REPLICA IDENTITY USING INDEX "t_pkey";

RESET lock_timeout;
