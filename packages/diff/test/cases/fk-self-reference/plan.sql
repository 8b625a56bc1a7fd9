-- hazards: access-exclusive-lock
ALTER TABLE "public"."node" ADD COLUMN "parent" integer;

-- hazards: blocks-writes, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."node" ADD CONSTRAINT "node_parent_fkey" FOREIGN KEY ("parent") REFERENCES "public"."node" ("id") ON DELETE SET NULL;
