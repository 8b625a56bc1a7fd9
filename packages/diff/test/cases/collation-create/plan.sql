CREATE COLLATION "public"."ci" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE "public"."person" (
  "id" integer NOT NULL,
  "email" text COLLATE "public"."ci" NOT NULL,
  CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "person_email" ON "public"."person" USING "btree" ("email");
