# two sources give every combination, the first varying slowest
eval 'table d in [iphone_12, iphone_15_pro], r in [160, 224]: d, r, latency(mobilenet_v2(resolution = r), d)'
