SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."child" INHERIT "public"."base";

RESET lock_timeout;
