SET lock_timeout = '5s';

CREATE SCHEMA "s";

CREATE TABLE "s"."a" (
  "id" integer NOT NULL,
  CONSTRAINT "a_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "s"."b" (
  "a_id" integer
);

-- hazards: blocks-writes
ALTER TABLE "s"."b" ADD CONSTRAINT "b_a" FOREIGN KEY ("a_id") REFERENCES "s"."a" ("id") NOT VALID;

RESET lock_timeout;
