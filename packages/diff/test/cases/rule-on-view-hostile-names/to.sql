CREATE SCHEMA "Mixed Case";
CREATE TABLE "Mixed Case"."a""b" (id int PRIMARY KEY, "select" text);
CREATE VIEW "Mixed Case"."a.b" AS SELECT id, "select" FROM "Mixed Case"."a""b";
CREATE RULE "ünïcödé" AS ON INSERT TO "Mixed Case"."a.b" DO INSTEAD INSERT INTO "Mixed Case"."a""b" (id, "select") VALUES (new.id, new."select");
CREATE RULE "a""b" AS ON DELETE TO "Mixed Case"."a.b" DO INSTEAD DELETE FROM "Mixed Case"."a""b" WHERE "a""b".id = old.id;
COMMENT ON RULE "a""b" ON "Mixed Case"."a.b" IS 'deletes through';
