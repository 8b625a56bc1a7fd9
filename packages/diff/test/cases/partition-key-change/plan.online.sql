SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."e";

CREATE TABLE "public"."e" (
  "at" date
) PARTITION BY LIST (at);

RESET lock_timeout;
