# unary minus is multiplying by -1: a negated estimate keeps its 80% range turned around, .low stays
# the lower end, and a percentage stays in percent
eval -- '-latency(mobilenet_v2, a16); latency(mobilenet_v2, a16) * -1; (-latency(mobilenet_v2, a16)).low; (-latency(mobilenet_v2, a16)).high; -battery(mobilenet_v2, iphone_15_pro)'
