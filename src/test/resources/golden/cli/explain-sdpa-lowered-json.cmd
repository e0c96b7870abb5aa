# explain --format json of a lowered fused attention: the lowered layers, and summary.lowered with the op, the release, its first release and the source
--profiles src/test/resources/models-extra explain --format json 'latency(tiny_decoder, iphone_13_pro, os = "iOS 17")'
