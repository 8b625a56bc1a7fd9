-- hazards: access-exclusive-lock
ALTER TABLE "public"."doc" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "own" ON "public"."doc" AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER));
