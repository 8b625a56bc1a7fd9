-- hazards: access-exclusive-lock
ALTER TABLE "public"."usr" RENAME TO "users";
