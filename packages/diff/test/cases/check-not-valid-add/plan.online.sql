SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "price_positive" CHECK ((price > (0)::numeric)) NOT VALID;

RESET lock_timeout;
