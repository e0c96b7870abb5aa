# a device answers for its own OS: the A12's iPhones stop at iOS 18, so the whole query is refused, not one layer
eval 'latency(mobilenet_v2, iphone_xs, os = "iOS 26")'
