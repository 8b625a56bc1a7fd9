SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."z_item" ADD COLUMN "price" numeric;

RESET lock_timeout;
