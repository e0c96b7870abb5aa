# a check in CSV is one row: the check, PASS or FAIL, its sides and margin
eval --format csv 'latency(mobilenet_v2, a16) < 33ms'
