# explain --format markdown --group op: one row per op (layers, units, FLOPs, DRAM bytes, time, share), largest first
explain --format markdown --group op 'latency(mobilenet_v2, a16)'
