CREATE SCHEMA "Mixed Case"; CREATE TABLE "Mixed Case"."select" ("a.b" bigint NOT NULL, "ünïcödé" text DEFAULT 'dé''faut', "new""col" int);
CREATE UNIQUE INDEX "u ""x""" ON "Mixed Case"."select" ("a.b");
