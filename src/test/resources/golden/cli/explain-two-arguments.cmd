# explain takes one query: two arguments are refused (exit 2) rather than joined into one
explain "latency(mobilenet_v2, a16)" "latency(resnet50, a16)"
