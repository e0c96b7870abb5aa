# a resolution sweep in one query: the header defaults to the column's source text
eval 'table r in [128, 160, 224, 320]: r, latency(mobilenet_v2(resolution = r), iphone_12)'
