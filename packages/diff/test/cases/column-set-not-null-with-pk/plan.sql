-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ALTER COLUMN "id" SET NOT NULL;

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id");
