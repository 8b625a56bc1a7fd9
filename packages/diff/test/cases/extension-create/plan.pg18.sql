CREATE EXTENSION "citext" WITH SCHEMA "public" VERSION '1.8';

CREATE TABLE "public"."u" (
  "email" "public"."citext"
);
