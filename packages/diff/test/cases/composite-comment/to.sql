CREATE TYPE pair AS (a integer); COMMENT ON TYPE pair IS 'two things';
