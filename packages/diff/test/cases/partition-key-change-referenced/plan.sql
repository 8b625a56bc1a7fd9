-- hazards: access-exclusive-lock
ALTER TABLE "public"."r" DROP CONSTRAINT "r_id_at_fkey";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "id" integer NOT NULL,
  "at" date NOT NULL,
  CONSTRAINT "e_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY HASH (id);

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."r" ADD CONSTRAINT "r_id_at_fkey" FOREIGN KEY ("id", "at") REFERENCES "public"."e" ("id", "at");
