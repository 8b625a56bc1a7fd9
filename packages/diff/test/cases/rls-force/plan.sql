-- hazards: access-exclusive-lock
ALTER TABLE "public"."doc" FORCE ROW LEVEL SECURITY;
