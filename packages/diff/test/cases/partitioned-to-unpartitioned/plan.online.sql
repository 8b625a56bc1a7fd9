SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e_2024";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date,
  "v" integer
);

RESET lock_timeout;
