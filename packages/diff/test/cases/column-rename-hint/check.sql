SELECT email = 'x@y' FROM t
