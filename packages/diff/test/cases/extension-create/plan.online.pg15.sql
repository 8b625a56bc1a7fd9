SET lock_timeout = '5s';

CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';

CREATE TABLE "public"."u" (
  "email" "public"."citext"
);

RESET lock_timeout;
