DROP FUNCTION "public"."a_named"();

DROP VIEW "public"."m_named";
