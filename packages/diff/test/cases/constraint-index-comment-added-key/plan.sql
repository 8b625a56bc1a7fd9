-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data
ALTER TABLE "public"."t" ADD CONSTRAINT "Mixed Case" UNIQUE ("code");

COMMENT ON INDEX "public"."Mixed Case" IS 'it''s unique';

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id");

COMMENT ON INDEX "public"."t_pkey" IS 'by id';
