CREATE SCHEMA "App";
CREATE TYPE "App"."Mood" AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE "App"."T" (id int PRIMARY KEY, "M" "App"."Mood", CHECK ("M" IS DISTINCT FROM 'happy'));
CREATE INDEX "T_ok" ON "App"."T" (id) WHERE "M" = 'ok';
CREATE TYPE "App"."Mood2" AS ENUM ('x');
CREATE TABLE "App"."U" (id int, v "App"."Mood2", CHECK (v = 'x'));
INSERT INTO "App"."T" VALUES (1, 'ok');
