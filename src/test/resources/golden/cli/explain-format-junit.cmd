# explain lists only its own formats when refusing one (junit is a report format of check)
explain --format junit 'latency(mobilenet_v2, a16)'
