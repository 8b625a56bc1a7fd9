CREATE TABLE doc (id int, owner text, public boolean); CREATE POLICY own ON doc USING (owner = current_user);
