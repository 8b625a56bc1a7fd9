SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."usr" RENAME TO "users";

RESET lock_timeout;
