CREATE TABLE doc (id int, owner text, public boolean); ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
