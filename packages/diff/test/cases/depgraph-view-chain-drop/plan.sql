DROP VIEW "public"."a_v";

DROP VIEW "public"."m_v";

-- hazards: access-exclusive-lock, deletes-data
DROP TABLE "public"."z_t";
