# a cell whose row failed (a parameter out of range for that row, a Mac without a battery) says why under the table, as one that cannot run does
eval --format json 'table r in [0, -1, 224], d in [a16, mac_mini_m2]: r, d, latency(mobilenet_v2(resolution = r), d), battery(mobilenet_v2, d, 30fps), latency(llama_2_13b, d)'
