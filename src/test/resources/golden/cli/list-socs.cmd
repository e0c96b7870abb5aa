# list socs is a table
list socs
