CREATE TABLE doc (id int PRIMARY KEY, owner text, level int);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY readable ON doc USING (level > 0);
