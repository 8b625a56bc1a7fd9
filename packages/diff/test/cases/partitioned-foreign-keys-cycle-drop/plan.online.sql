SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."parcel_eu" DROP CONSTRAINT "parcel_eu_us_fkey";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."parcel" DROP CONSTRAINT "parcel_shipment_fkey";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."shipment_us";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."shipment_eu";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."shipment";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."parcel_eu";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."parcel";

RESET lock_timeout;
