CREATE TABLE log (m text); CREATE PROCEDURE note(m text) LANGUAGE sql AS $$ INSERT INTO public.log VALUES (m) $$;
