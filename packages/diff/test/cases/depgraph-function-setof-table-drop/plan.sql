DROP FUNCTION "public"."all_items"();

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."item";
