# the sources as a table: id, evidence, date read, title
list sources
