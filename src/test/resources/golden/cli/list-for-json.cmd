# a list comprehension as JSON: an array of quantities
eval --format json '[latency(mobilenet_v2, d) for d in [iphone_12, iphone_15_pro, ipad_a16]]'
