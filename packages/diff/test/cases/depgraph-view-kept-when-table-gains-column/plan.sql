-- hazards: access-exclusive-lock
ALTER TABLE "public"."z_item" ADD COLUMN "price" numeric;
