# the same in markdown: the reason under the table, as its other notes
eval --format markdown 'table m in [llama_2_7b, resnet50, mobilenet_v2]: m, latency(m, m4_max, runtime = llama_cpp).high, latency(m, m4_max, runtime = llama_cpp).low as "lo"'
