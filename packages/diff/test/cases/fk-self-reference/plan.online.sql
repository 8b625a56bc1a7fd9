SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "public"."node" ADD COLUMN "parent" integer;

-- hazards: blocks-writes
ALTER TABLE "public"."node" ADD CONSTRAINT "node_parent_fkey" FOREIGN KEY ("parent") REFERENCES "public"."node" ("id") ON DELETE SET NULL NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."node" VALIDATE CONSTRAINT "node_parent_fkey";

RESET lock_timeout;
