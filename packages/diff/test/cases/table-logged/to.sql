CREATE TABLE cache (k text);
