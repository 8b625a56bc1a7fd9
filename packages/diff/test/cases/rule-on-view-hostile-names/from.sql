CREATE SCHEMA "Mixed Case";
CREATE TABLE "Mixed Case"."a""b" (id int PRIMARY KEY, "select" text);
CREATE VIEW "Mixed Case"."a.b" AS SELECT id, "select" FROM "Mixed Case"."a""b";
