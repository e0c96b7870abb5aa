# a list in Markdown: one column headed by the expression
eval --format markdown '[latency(mobilenet_v2, d) for d in [iphone_12, iphone_15_pro, ipad_a16]]'
