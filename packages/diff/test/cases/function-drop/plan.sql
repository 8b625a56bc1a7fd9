DROP FUNCTION "public"."add1"(x integer);
