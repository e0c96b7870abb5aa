# llama.cpp's measurements are all of decoder LLMs: ResNet-50 under llama.cpp keeps its estimate but
# shows no 80% range, and says why under the value; a figure computed from it says so too
eval "latency(resnet50, m4_max, runtime = llama_cpp)" "1 / latency(resnet50, m4_max, runtime = llama_cpp)" "latency(quantize(llama_2_7b(context = 64), q4_0), m2_max, runtime = llama_cpp)"
