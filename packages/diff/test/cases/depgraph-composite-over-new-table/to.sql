CREATE TABLE z_item (id int PRIMARY KEY, name text);
CREATE TYPE a_pair AS (n int, item z_item);
