DROP VIEW "public"."v2";

DROP VIEW "public"."v1";
