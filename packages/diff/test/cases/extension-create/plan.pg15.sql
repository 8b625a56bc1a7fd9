CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.6';

CREATE TABLE "public"."u" (
  "email" "public"."citext"
);
