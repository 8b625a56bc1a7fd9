CREATE TABLE z_allowed (who text);
CREATE TABLE doc (id int PRIMARY KEY, owner text);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON doc USING (owner IN (SELECT who FROM z_allowed));
