DROP POLICY "p" ON "public"."doc";

CREATE POLICY "p" ON "public"."doc" AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (public);
