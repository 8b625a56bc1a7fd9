SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
DROP INDEX "public"."ev_k";

RESET lock_timeout;
