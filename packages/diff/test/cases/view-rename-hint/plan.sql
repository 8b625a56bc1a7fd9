ALTER VIEW "public"."v1" RENAME TO "active";
