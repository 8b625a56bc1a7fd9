SET lock_timeout = '5s';

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."select" RENAME TO "from";

-- hazards: access-exclusive-lock
ALTER TABLE "Mixed Case"."from" RENAME COLUMN "ünïcödé" TO "ÜNÏ";

RESET lock_timeout;
