CREATE TABLE doc (id int, owner text, public boolean); ALTER TABLE doc ENABLE ROW LEVEL SECURITY; CREATE POLICY own ON doc USING (owner = current_user);
