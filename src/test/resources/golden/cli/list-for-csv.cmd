# a list in CSV: one column headed by the expression
eval --format csv '[latency(mobilenet_v2, d) for d in [iphone_12, iphone_15_pro, ipad_a16]]'
