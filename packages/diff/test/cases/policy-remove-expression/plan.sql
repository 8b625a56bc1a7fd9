DROP POLICY "p" ON "public"."doc";

CREATE POLICY "p" ON "public"."doc" AS PERMISSIVE FOR ALL TO PUBLIC USING (public);
