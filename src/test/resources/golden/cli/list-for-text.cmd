# a list comprehension [e for x in S] gives a list of values
eval '[latency(mobilenet_v2, d) for d in [iphone_12, iphone_15_pro, ipad_a16]]'
