# a negated estimate's range in JSON: low below high, both negative
eval --format json -- '-latency(mobilenet_v2, a16)'
