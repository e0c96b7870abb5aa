# explain under a release before Core ML's states (iOS 18): the KV cache is the model's inputs and outputs, copied once per
# attention block and once between calls; the copies are in the fixed time, the cache counts twice in memory, and a cache
# larger than any whose copies were measured says that the copies may be far slower than charged
--profiles src/test/resources/models-extra explain 'latency(tiny_decoder(context = 600000), iphone_13_pro, os = "iOS 17")'
