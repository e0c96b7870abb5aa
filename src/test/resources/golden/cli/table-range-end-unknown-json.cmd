# the same in JSON: the null cells are named in unknown_cells, each with why
eval --format json 'table m in [llama_2_7b, resnet50, mobilenet_v2]: m, latency(m, m4_max, runtime = llama_cpp).high, latency(m, m4_max, runtime = llama_cpp).low as "lo"'
