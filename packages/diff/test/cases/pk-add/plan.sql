-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id");
