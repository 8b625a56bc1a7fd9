CREATE SCHEMA "Mixed Case"; CREATE TABLE "Mixed Case"."select" ("a.b" int, "ünïcödé" text);
