SET lock_timeout = '5s';

ALTER POLICY "readable" ON "public"."doc" USING ((owner = CURRENT_USER));

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_allowed";

RESET lock_timeout;
