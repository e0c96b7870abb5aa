# info of an op as JSON: fields, aliases per ecosystem and support per unit
info layer_norm --format json
