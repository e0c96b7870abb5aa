# A model that runs from the cache (weights resident, activations on chip) has no DRAM traffic,
# so a DRAM roofline refuses it with a reason rather than drawing an empty chart
kind: roofline
expr: latency(mobilenet_v2, iphone_12)
