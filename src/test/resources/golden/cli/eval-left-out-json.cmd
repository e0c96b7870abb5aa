# a plain list that left something out: JSON wraps it as {kind: value, value, left_out} so the reason is not lost
eval --format json '[d in [iphone_12, iphone_17, mac_mini_m1] where latency(mobilenet_v2, d, os = "iOS 18") < 5ms]'
