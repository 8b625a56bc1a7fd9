CREATE TABLE doc (id int, owner text, public boolean); CREATE POLICY p ON doc FOR SELECT USING (public);
