# a misspelt --group gets the nearest choice
explain --group blok 'latency(mobilenet_v2, a16)'
