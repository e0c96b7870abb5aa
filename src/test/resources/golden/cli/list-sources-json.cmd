# the sources every number cites, as JSON objects with id first
list sources --format json
