-- A foreign key added to a partitioned table: PostgreSQL 15 refuses NOT VALID there, so online too it
-- is added and checked at once.
CREATE TABLE station (code text PRIMARY KEY);
CREATE TABLE visit (station text NOT NULL, day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE visit_2024 PARTITION OF visit FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO station VALUES ('a');
INSERT INTO visit VALUES ('a', '2024-05-01');
