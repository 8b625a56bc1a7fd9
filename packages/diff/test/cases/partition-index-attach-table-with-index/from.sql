CREATE TABLE ev (at date, k int) PARTITION BY RANGE (at); CREATE INDEX ev_k ON ev (k); CREATE TABLE ev_a (at date, k int); CREATE INDEX ev_a_k ON ev_a (k);
