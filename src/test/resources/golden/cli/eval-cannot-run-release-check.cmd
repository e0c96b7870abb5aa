# a check on a phone that never ran the release asked for FAILS with the support rule's words (exit 1)
eval 'check "fast on the iPhone 17 under iOS 18": latency(mobilenet_v2, iphone_17, os = "iOS 18") < 5ms'
