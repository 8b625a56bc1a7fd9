SET lock_timeout = '5s';

ALTER POLICY "own" ON "public"."doc" USING (((owner = CURRENT_USER) OR public)) WITH CHECK ((owner = CURRENT_USER));

RESET lock_timeout;
