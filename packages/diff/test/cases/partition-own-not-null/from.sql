-- Partitions that make a column their parent leaves nullable NOT NULL: one created with it, one
-- that gains it, one that loses it.
CREATE TABLE reading (sensor text NOT NULL, taken date NOT NULL, note text, unit text) PARTITION BY LIST (sensor);
CREATE TABLE reading_north PARTITION OF reading FOR VALUES IN ('north');
CREATE TABLE reading_south PARTITION OF reading (unit NOT NULL) FOR VALUES IN ('south');
INSERT INTO reading VALUES ('north', '2024-01-01', 'fine', 'C'), ('south', '2024-01-01', NULL, 'F');
