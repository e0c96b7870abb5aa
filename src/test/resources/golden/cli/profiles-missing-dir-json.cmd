# a --profiles folder that does not exist, under --format json, prints the JSON errors document too (exit 2)
eval --format json --profiles no/such/folder 1
