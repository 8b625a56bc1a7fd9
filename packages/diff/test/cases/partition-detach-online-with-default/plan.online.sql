SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."ev" DETACH PARTITION "public"."ev_2024";

RESET lock_timeout;
