CREATE TABLE "public"."t" (
  "id" integer,
  "at" date
);

-- hazards: blocks-writes, builds-index
CREATE INDEX "t_at" ON "public"."t" USING "btree" ("at");

ALTER TABLE "public"."t" CLUSTER ON "t_at";
