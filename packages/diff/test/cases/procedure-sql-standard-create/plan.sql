CREATE PROCEDURE "public"."write_log"(IN m text)
LANGUAGE "sql"
SECURITY INVOKER
BEGIN ATOMIC
 INSERT INTO public.log (msg)
   VALUES (write_log.m);
 INSERT INTO public.log (msg)
   VALUES ((write_log.m || '!'::text));
END;
