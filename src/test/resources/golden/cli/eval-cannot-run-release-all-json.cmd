# a quantifier over devices under iOS 18 as JSON: each counterexample carries cannot_run with the release and the cause (another platform, after its last, before its first)
eval --format json 'all d in [iphone_x, iphone_12, iphone_17, mac_mini_m1]: latency(mobilenet_v2, d, os = "iOS 18") < 10ms'
