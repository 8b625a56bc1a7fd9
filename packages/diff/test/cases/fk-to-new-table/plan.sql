CREATE TABLE "public"."a" (
  "id" integer NOT NULL,
  CONSTRAINT "a_pkey" PRIMARY KEY ("id")
);

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_id_fkey" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id");
