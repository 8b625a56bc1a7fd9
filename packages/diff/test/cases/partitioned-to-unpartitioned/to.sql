CREATE TABLE e (at date, v int);
