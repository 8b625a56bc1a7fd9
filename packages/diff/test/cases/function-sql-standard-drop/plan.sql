DROP FUNCTION "public"."add1"(a integer);
