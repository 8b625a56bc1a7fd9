CREATE TYPE pair AS (a integer, b text);
