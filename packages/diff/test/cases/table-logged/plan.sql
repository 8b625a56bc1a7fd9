-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."cache" SET LOGGED;
