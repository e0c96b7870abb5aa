# runtime is a typed condition: llama.cpp is accepted and named, but this build has no cost model for it
eval 'latency(mobilenet_v2, a16, runtime = "llama.cpp")'
