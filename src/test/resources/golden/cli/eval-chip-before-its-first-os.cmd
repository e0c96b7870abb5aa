# a chip whose devices all shipped after the release asked for: every A19 device came with iOS 26
eval 'supported(gelu, a19, ane, os = "iOS 18")'
