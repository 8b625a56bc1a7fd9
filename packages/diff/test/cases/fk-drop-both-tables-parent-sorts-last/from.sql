CREATE TABLE zeta (id int PRIMARY KEY); CREATE TABLE alpha (z int REFERENCES zeta); CREATE TABLE keep (id int);
