DROP FUNCTION "public"."a_label"(r public.item);

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."item";
