SELECT active FROM t
