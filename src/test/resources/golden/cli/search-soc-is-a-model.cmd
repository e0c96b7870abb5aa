# --soc naming a model says it is a model, not a SoC near its id (it suggested m2 for mobilenet_v2)
search gelu --soc mobilenet_v2
