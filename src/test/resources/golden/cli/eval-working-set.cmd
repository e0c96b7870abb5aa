# the GPU working set of a 64 GB Mac refuses Llama 3 70B in F16 under llama.cpp on Metal
eval 'latency(llama_3_70b, mac_studio_m1_ultra, runtime = llama_cpp)'
