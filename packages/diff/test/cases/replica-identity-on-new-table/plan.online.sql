SET lock_timeout = '5s';

CREATE SCHEMA "app";

CREATE TABLE "app"."f" (
  "x" integer
);

CREATE TABLE "app"."t" (
  "id" integer NOT NULL,
  "code" text NOT NULL,
  CONSTRAINT "t_pkey" PRIMARY KEY ("id")
);

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "t_code" ON "app"."t" USING "btree" ("code");

-- hazards: access-exclusive-lock
ALTER TABLE "app"."f" REPLICA IDENTITY FULL;

-- hazards: access-exclusive-lock
ALTER TABLE "app"."t" REPLICA IDENTITY USING INDEX "t_code";

RESET lock_timeout;
