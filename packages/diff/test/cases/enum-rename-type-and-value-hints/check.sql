SELECT count(*) = 2 AND count(*) FILTER (WHERE status = 'done' AND title = 'b') = 1 FROM tasks
