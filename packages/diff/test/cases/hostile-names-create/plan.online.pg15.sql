SET lock_timeout = '5s';

CREATE SCHEMA "Mixed Case";

CREATE TYPE "Mixed Case"."a""b" AS ENUM ('it''s', 'x"y');

CREATE TABLE "Mixed Case"."select" (
  "a.b" integer NOT NULL,
  "ünïcödé" "Mixed Case"."a""b" DEFAULT 'it''s'::"Mixed Case"."a""b",
  "a""b" text,
  CONSTRAINT "chk ""q""" CHECK (("a""b" <> ''::text)),
  CONSTRAINT "select_pkey" PRIMARY KEY ("a.b")
);

COMMENT ON TABLE "Mixed Case"."select" IS E'quote '' and backslash \\';

-- hazards: blocks-writes, builds-index
CREATE INDEX "idx.select" ON "Mixed Case"."select" USING "btree" ("ünïcödé");

CREATE VIEW "Mixed Case"."v.w" AS SELECT "select"."a.b",
    "select"."ünïcödé"
   FROM "Mixed Case"."select";

RESET lock_timeout;
