-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "price_positive";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "price_positive" CHECK ((price > (0)::numeric)) NOT VALID;
