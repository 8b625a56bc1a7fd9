-- hazards: access-exclusive-lock
DROP INDEX "public"."ev_k";
