SET lock_timeout = '5s';

CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.8';

CREATE TABLE "public"."u" (
  "email" "public"."citext"
);

RESET lock_timeout;
