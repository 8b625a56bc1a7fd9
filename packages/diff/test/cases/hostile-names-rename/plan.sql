-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" RENAME TO "from";

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."from" RENAME COLUMN "ünïcödé" TO "ÜNÏ";
