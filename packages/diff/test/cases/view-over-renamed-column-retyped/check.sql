SELECT name = 'first' FROM tasks
