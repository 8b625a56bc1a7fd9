SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."cache" SET LOGGED;

RESET lock_timeout;
