CREATE TABLE doc (id int, owner text, public boolean); CREATE POLICY own ON doc USING (owner = current_user OR public) WITH CHECK (owner = current_user);
