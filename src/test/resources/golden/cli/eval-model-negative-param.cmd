# a negative model parameter is refused
eval "size(mobilenet_v2(width = -1))"
