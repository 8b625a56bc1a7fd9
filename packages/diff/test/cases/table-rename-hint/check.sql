SELECT name = 'ann' FROM users
