# explain under a release before iOS 18: the fused attention is costed as Core ML's converter lowers it, each part a
# layer named after the one it replaces (attention_1.sdpa.qk, …) with its own unit, and a note says why, with the rule's source
--profiles src/test/resources/models-extra explain 'latency(tiny_decoder, iphone_13_pro, os = "iOS 17")'
