# a negative duty-cycle duration is an error
eval "battery(mobilenet_v2, iphone_12, 30fps, -1h)"
