-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date
) PARTITION BY LIST (at);
