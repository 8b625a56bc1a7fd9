-- A table with a serial column becomes partitioned: the table is recreated, its sequence kept (it is
-- disowned before the drop) and owned by the new table's column again.
CREATE TABLE ticket (id serial, lane text NOT NULL, PRIMARY KEY (id, lane));
