DROP POLICY "own" ON "public"."doc";

-- hazards: access-exclusive-lock
ALTER TABLE "public"."doc" DISABLE ROW LEVEL SECURITY;
