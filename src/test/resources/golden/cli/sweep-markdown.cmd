# a sweep as a Markdown table
eval --format markdown 'table r in [128, 160, 224, 320]: r, latency(mobilenet_v2(resolution = r), iphone_12)'
