SET lock_timeout = '5s';

DROP FUNCTION "public"."a_named"();

DROP VIEW "public"."m_named";

RESET lock_timeout;
