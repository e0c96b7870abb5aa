# info of an op shows aliases per ecosystem and support per unit
info layer_norm
