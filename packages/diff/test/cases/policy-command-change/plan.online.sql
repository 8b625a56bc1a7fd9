SET lock_timeout = '5s';

DROP POLICY "p" ON "public"."doc";

CREATE POLICY "p" ON "public"."doc" AS RESTRICTIVE FOR UPDATE TO PUBLIC USING (public);

RESET lock_timeout;
