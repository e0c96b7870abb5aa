# --profiles naming a directory that does not exist is a usage error (exit 2)
--profiles no/such/dir list socs
