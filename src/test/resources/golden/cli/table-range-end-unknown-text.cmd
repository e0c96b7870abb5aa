# a table cell that reads an end of the 80% range an estimate lacks (one-pass models under llama.cpp) says why under the table, once for every model of the kind
eval 'table m in [llama_2_7b, resnet50, mobilenet_v2]: m, latency(m, m4_max, runtime = llama_cpp).high, latency(m, m4_max, runtime = llama_cpp).low as "lo"'
