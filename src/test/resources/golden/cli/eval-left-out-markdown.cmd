# a list that left something out, as Markdown: the left-out line follows the table as a paragraph
eval --format markdown '[d in [iphone_12, iphone_17, mac_mini_m1] where latency(mobilenet_v2, d, os = "iOS 18") < 5ms]'
