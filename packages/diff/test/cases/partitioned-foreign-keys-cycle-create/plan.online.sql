SET lock_timeout = '5s';

CREATE TABLE "public"."parcel" (
  "region" text NOT NULL,
  "ref" text,
  CONSTRAINT "parcel_region_ref_key" UNIQUE ("region", "ref")
) PARTITION BY LIST (region);

CREATE TABLE "public"."parcel_eu" PARTITION OF "public"."parcel" FOR VALUES IN ('eu');

CREATE TABLE "public"."shipment" (
  "region" text NOT NULL,
  "code" text NOT NULL,
  "ref" text,
  CONSTRAINT "shipment_pkey" PRIMARY KEY ("region", "code"),
  CONSTRAINT "shipment_region_ref_key" UNIQUE ("region", "ref")
) PARTITION BY LIST (region);

CREATE TABLE "public"."shipment_eu" PARTITION OF "public"."shipment" FOR VALUES IN ('eu');

CREATE TABLE "public"."shipment_us" PARTITION OF "public"."shipment" FOR VALUES IN ('us');

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "parcel_eu_region_key" ON "public"."parcel_eu" USING "btree" ("region");

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "shipment_us_region_key" ON "public"."shipment_us" USING "btree" ("region");

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."parcel" ADD CONSTRAINT "parcel_shipment_fkey" FOREIGN KEY ("region", "ref") REFERENCES "public"."shipment" ("region", "ref");

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."parcel_eu" ADD CONSTRAINT "parcel_eu_us_fkey" FOREIGN KEY ("region") REFERENCES "public"."shipment_us" ("region");

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."shipment" ADD CONSTRAINT "shipment_parcel_fkey" FOREIGN KEY ("region", "ref") REFERENCES "public"."parcel" ("region", "ref");

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."shipment_eu" ADD CONSTRAINT "shipment_eu_parcel_fkey" FOREIGN KEY ("region") REFERENCES "public"."parcel_eu" ("region");

RESET lock_timeout;
