CREATE SCHEMA "Mixed Case"; CREATE TABLE "Mixed Case"."select" ("a.b" int, "ünïcödé" text); INSERT INTO "Mixed Case"."select" VALUES (1, 'é');
