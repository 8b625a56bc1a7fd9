SET lock_timeout = '5s';

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."v";

ALTER SEQUENCE "public"."s1" SET LOGGED;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."t" SET LOGGED;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."u" SET UNLOGGED;

-- hazards: access-exclusive-lock, rewrites-table
ALTER TABLE "public"."w" SET LOGGED;

-- hazards: deletes-data
DROP SEQUENCE "public"."a""b";

RESET lock_timeout;
