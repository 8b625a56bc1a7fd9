SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."doc" FORCE ROW LEVEL SECURITY;

RESET lock_timeout;
