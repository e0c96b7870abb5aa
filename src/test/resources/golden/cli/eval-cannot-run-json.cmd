# a bare estimate of a model that cannot run is an answer (exit 0): its stable JSON form
eval --format json 'latency(llama_2_13b, iphone_12, runtime = llama_cpp)'
