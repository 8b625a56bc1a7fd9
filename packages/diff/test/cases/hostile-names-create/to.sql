CREATE SCHEMA "Mixed Case"; CREATE TYPE "Mixed Case"."a""b" AS ENUM ('it''s', 'x"y');
CREATE TABLE "Mixed Case"."select" ("a.b" int PRIMARY KEY, "ünïcödé" "Mixed Case"."a""b" DEFAULT 'it''s', "a""b" text CONSTRAINT "chk ""q""" CHECK ("a""b" <> ''));
CREATE INDEX "idx.select" ON "Mixed Case"."select" ("ünïcödé");
CREATE VIEW "Mixed Case"."v.w" AS SELECT "a.b", "ünïcödé" FROM "Mixed Case"."select";
COMMENT ON TABLE "Mixed Case"."select" IS 'quote '' and backslash \';
