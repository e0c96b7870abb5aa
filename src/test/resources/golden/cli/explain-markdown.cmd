# explain --format markdown: the layers as a Markdown table
explain --format markdown 'latency(mobilenet_v2, a16)'
