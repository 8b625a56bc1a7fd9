CREATE TABLE e (at date);
