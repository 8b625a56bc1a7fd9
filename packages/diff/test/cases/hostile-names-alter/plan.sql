-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "a.b" TYPE bigint;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "a.b" SET NOT NULL;

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ALTER COLUMN "ünïcödé" SET DEFAULT 'dé''faut'::text;

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" ADD COLUMN "new""col" integer;

-- hazards: blocks-writes, builds-index, may-fail-on-existing-data
CREATE UNIQUE INDEX "u ""x""" ON "Mixed Case"."select" USING "btree" ("a.b");
