# an unknown grouping is a usage error with the choices, exit 2
explain --group layer 'latency(mobilenet_v2, a16)'
