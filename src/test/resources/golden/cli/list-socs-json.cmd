# list socs --format json is an array of objects, id first
list socs --format json
