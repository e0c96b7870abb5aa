# a sweep as CSV: the expression header is quoted because it holds commas
eval --format csv 'table r in [128, 160, 224, 320]: r, latency(mobilenet_v2(resolution = r), iphone_12)'
