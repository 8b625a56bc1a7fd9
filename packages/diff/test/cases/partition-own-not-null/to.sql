CREATE TABLE reading (sensor text NOT NULL, taken date NOT NULL, note text, unit text) PARTITION BY LIST (sensor);
CREATE TABLE reading_north PARTITION OF reading (note NOT NULL) FOR VALUES IN ('north');
CREATE TABLE reading_south PARTITION OF reading FOR VALUES IN ('south');
CREATE TABLE reading_east PARTITION OF reading (note NOT NULL, unit NOT NULL) FOR VALUES IN ('east');
