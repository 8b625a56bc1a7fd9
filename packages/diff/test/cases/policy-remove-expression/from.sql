CREATE TABLE doc (id int, owner text, public boolean); CREATE POLICY p ON doc USING (public) WITH CHECK (public);
