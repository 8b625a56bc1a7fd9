CREATE TABLE member (u text);
