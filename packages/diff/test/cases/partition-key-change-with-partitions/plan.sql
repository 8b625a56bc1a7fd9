-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e_2024";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date,
  "k" integer
) PARTITION BY LIST (k);

CREATE TABLE "public"."e_1" PARTITION OF "public"."e" FOR VALUES IN (1);

CREATE TABLE "public"."e_2024" PARTITION OF "public"."e" FOR VALUES IN (2024);
