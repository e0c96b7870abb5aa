# a misspelt --format gets the nearest choice, as a misspelt name in a query does
eval --format jsn 'latency(mobilenet_v2, a16)'
