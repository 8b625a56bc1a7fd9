-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."visit" ADD CONSTRAINT "visit_station_fkey" FOREIGN KEY ("station") REFERENCES "public"."station" ("code");
