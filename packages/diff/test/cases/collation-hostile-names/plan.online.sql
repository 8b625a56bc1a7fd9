SET lock_timeout = '5s';

CREATE COLLATION "Mixed Case"."a""b" (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');

CREATE COLLATION "Mixed Case"."select" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

COMMENT ON COLLATION "Mixed Case"."select" IS 'ignores case';

CREATE DOMAIN "Mixed Case"."a.b" AS text COLLATE "Mixed Case"."a""b";

CREATE TYPE "Mixed Case"."pair" AS ("k" text COLLATE "Mixed Case"."select", "v" integer);

CREATE TABLE "Mixed Case"."ünïcödé" (
  "id" integer,
  "code" "Mixed Case"."a.b",
  "name" text
);

-- hazards: blocks-writes, builds-index
CREATE INDEX "by name" ON "Mixed Case"."ünïcödé" USING "btree" ("name" COLLATE "Mixed Case"."a""b");

RESET lock_timeout;
