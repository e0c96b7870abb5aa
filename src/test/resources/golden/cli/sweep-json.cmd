# a sweep as JSON: latency in ms, the fixed JSON unit of time
eval --format json 'table r in [128, 160, 224, 320]: r, latency(mobilenet_v2(resolution = r), iphone_12)'
