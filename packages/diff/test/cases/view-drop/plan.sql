DROP VIEW "public"."v";
