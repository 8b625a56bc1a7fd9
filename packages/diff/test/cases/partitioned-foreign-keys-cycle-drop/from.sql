-- Two partitioned tables that reference each other, and partitions that reference partitions of the
-- other: PostgreSQL clones each key for every partition of both sides (conparentid).
CREATE TABLE shipment (
  region text NOT NULL,
  code text NOT NULL,
  ref text,
  PRIMARY KEY (region, code),
  UNIQUE (region, ref)
) PARTITION BY LIST (region);
CREATE TABLE shipment_eu PARTITION OF shipment FOR VALUES IN ('eu');
CREATE TABLE shipment_us PARTITION OF shipment FOR VALUES IN ('us');
CREATE TABLE parcel (
  region text NOT NULL,
  ref text,
  UNIQUE (region, ref)
) PARTITION BY LIST (region);
CREATE TABLE parcel_eu PARTITION OF parcel FOR VALUES IN ('eu');
CREATE UNIQUE INDEX parcel_eu_region_key ON parcel_eu (region);
CREATE UNIQUE INDEX shipment_us_region_key ON shipment_us (region);
ALTER TABLE parcel ADD CONSTRAINT parcel_shipment_fkey FOREIGN KEY (region, ref) REFERENCES shipment (region, ref);
ALTER TABLE shipment ADD CONSTRAINT shipment_parcel_fkey FOREIGN KEY (region, ref) REFERENCES parcel (region, ref);
ALTER TABLE parcel_eu ADD CONSTRAINT parcel_eu_us_fkey FOREIGN KEY (region) REFERENCES shipment_us (region);
ALTER TABLE shipment_eu ADD CONSTRAINT shipment_eu_parcel_fkey FOREIGN KEY (region) REFERENCES parcel_eu (region);
