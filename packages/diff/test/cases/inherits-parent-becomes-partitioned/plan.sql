-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."child";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."base";

CREATE TABLE "public"."base" (
  "id" integer
) PARTITION BY HASH (id);

CREATE TABLE "public"."child" (
  "id" integer,
  "extra" text
);
