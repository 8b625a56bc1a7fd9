-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."alpha";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."zeta";
