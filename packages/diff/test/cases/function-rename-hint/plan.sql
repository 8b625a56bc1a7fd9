ALTER FUNCTION "public"."add1"(x integer) RENAME TO "plus_one";
