-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."usr";

CREATE TABLE "public"."users" (
  "id" integer,
  "name" text
);
