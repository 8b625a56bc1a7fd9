CREATE SEQUENCE z_ticket;
CREATE FUNCTION a_next_ticket() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('z_ticket') $$;
