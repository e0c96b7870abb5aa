# a SoC without that bin is an error at the value, listing the values it has
eval 'latency(mobilenet_v2, m3_max(gpu_cores = 31))'
