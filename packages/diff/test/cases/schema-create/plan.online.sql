SET lock_timeout = '5s';

CREATE SCHEMA "app";

CREATE TABLE "app"."t" (
  "id" integer
);

RESET lock_timeout;
