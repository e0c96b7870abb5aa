# list models is a table
list models
