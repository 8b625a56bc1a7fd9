SET lock_timeout = '5s';

DROP POLICY "own" ON "public"."doc";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."doc" DISABLE ROW LEVEL SECURITY;

RESET lock_timeout;
