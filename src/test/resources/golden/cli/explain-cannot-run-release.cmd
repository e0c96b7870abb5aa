# explain of an estimate under a release its target never runs: cannot run, said alone (nothing was estimated), exit 0
explain 'latency(mobilenet_v2, iphone_17, os = "iOS 18")'
