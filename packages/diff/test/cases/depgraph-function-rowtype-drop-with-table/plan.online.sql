SET lock_timeout = '5s';

DROP FUNCTION "public"."a_label"(r public.item);

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."item";

RESET lock_timeout;
