# frame rates print in fps and per-token rates in tok/s, in JSON too
eval --format json 'fps(mobilenet_v2, a16)' '1 tok / latency(llama_3_1_8b(phase = decode), m1_max)'
