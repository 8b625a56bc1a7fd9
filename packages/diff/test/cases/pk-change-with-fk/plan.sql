-- hazards: access-exclusive-lock
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."a" DROP CONSTRAINT "a_pkey";

-- hazards: access-exclusive-lock, builds-index, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."a" ADD CONSTRAINT "a_pkey" PRIMARY KEY ("id", "k");

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "a_id_idx" ON "public"."a" USING "btree" ("id");

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id");
