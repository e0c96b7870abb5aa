# a quantifier over every device under iOS 18: a device that never runs it cannot run (another platform, after its last release, before its first), so the check FAILS naming them (exit 1)
eval 'all d in devices: latency(mobilenet_v2, d, os = "iOS 18") < 10ms'
