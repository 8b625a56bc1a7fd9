CREATE SCHEMA "Mixed Case"; CREATE TABLE "Mixed Case"."from" ("a.b" int, "ÜNÏ" text);
