# a kind: filter that names no kind says so and lists the kinds, with the nearest
search kind:devise iphone
