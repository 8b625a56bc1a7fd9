SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "c";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "c" CHECK ((price > (1)::numeric)) NOT VALID;

RESET lock_timeout;
