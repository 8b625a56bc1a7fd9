SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."booking" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (during WITH &&);

RESET lock_timeout;
