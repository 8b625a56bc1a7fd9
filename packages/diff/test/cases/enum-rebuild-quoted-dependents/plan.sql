-- hazards: access-exclusive-lock
DROP INDEX "App"."T_ok";

-- hazards: access-exclusive-lock
ALTER TABLE "App"."T" DROP CONSTRAINT "T_M_check";

CREATE TYPE "App"."Mood__new" AS ENUM ('ok', 'sad');

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "App"."T" ALTER COLUMN "M" TYPE "App"."Mood__new" USING "M"::text::"App"."Mood__new";

DROP TYPE "App"."Mood";

ALTER TYPE "App"."Mood__new" RENAME TO "Mood";

-- hazards: access-exclusive-lock, may-fail-on-existing-data, validates-by-scan
ALTER TABLE "App"."T" ADD CONSTRAINT "T_M_check" CHECK (("M" IS DISTINCT FROM 'sad'::"App"."Mood"));

-- hazards: blocks-writes, builds-index
CREATE INDEX "T_ok" ON "App"."T" USING "btree" ("id") WHERE "M" = 'ok'::"App"."Mood";
