SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_id_nn_check" CHECK ("id" IS NOT NULL) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "t_id_nn_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "id" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_id_nn_check";

-- hazards: builds-index, may-fail-on-existing-data, not-transactional
-- outside a transaction
CREATE UNIQUE INDEX CONCURRENTLY "t_pkey" ON "public"."t" USING "btree" ("id");

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY USING INDEX "t_pkey";

RESET lock_timeout;
