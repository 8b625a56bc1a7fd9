CREATE TYPE pair AS (b text, a integer);
