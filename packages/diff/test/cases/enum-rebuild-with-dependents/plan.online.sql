SET lock_timeout = '5s';

DROP POLICY "t_visible" ON "public"."t";

-- hazards: not-transactional
-- outside a transaction
DROP INDEX CONCURRENTLY "public"."t_ok";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."notes" DROP CONSTRAINT "notes_label_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" DROP CONSTRAINT "t_check";

CREATE TYPE "public"."mood__new" AS ENUM ('ok', 'sad');

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "m" DROP DEFAULT;

-- hazards: access-exclusive-lock, may-fail-on-existing-data, rewrites-table
ALTER TABLE "public"."t" ALTER COLUMN "m" TYPE "public"."mood__new" USING "m"::text::"public"."mood__new";

DROP TYPE "public"."mood";

ALTER TYPE "public"."mood__new" RENAME TO "mood";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ALTER COLUMN "m" SET DEFAULT 'ok'::public.mood;

-- hazards: access-exclusive-lock
ALTER TABLE "public"."notes" ADD CONSTRAINT "notes_label_check" CHECK (((label)::public.mood <> 'sad'::public.mood)) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."notes" VALIDATE CONSTRAINT "notes_label_check";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."t" ADD CONSTRAINT "t_check" CHECK (((m <> 'ok'::public.mood) OR (id > 0))) NOT VALID;

-- hazards: may-fail-on-existing-data, validates-by-scan
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "t_check";

-- hazards: builds-index, not-transactional
-- outside a transaction
CREATE INDEX CONCURRENTLY "t_ok" ON "public"."t" USING "btree" ("id") WHERE m = 'ok'::public.mood;

CREATE POLICY "t_visible" ON "public"."t" AS PERMISSIVE FOR ALL TO PUBLIC USING ((m <> 'sad'::public.mood));

RESET lock_timeout;
