# an end of the 80% range of an estimate that has none (a one-pass model under llama.cpp, whose
# measurements are all of decoder LLMs) is unknown, with why under it: not an error, exit 0 as for
# any unknown value
eval "latency(resnet50, m4_max, runtime = llama_cpp).high" "latency(resnet50, m4_max, runtime = llama_cpp).low in us"
