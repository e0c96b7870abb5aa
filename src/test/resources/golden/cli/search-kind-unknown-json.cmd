# a kind: filter that names no kind, under --format json: the errors document, exit 2
search --format json kind:devise iphone
