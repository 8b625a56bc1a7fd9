ALTER POLICY "readable" ON "public"."doc" USING ((level > 0));

DROP FUNCTION "public"."z_allowed"(n integer);
