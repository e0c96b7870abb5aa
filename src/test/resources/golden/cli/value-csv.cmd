# a plain value in CSV is a one-cell table headed by its expression
eval --format csv 'latency(mobilenet_v2, a16)'
