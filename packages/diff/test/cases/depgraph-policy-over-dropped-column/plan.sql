ALTER POLICY "readable" ON "public"."doc" USING ((owner = CURRENT_USER));

-- hazards: access-exclusive-lock, deletes-data
ALTER TABLE "public"."doc" DROP COLUMN "level";
