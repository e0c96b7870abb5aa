# 100 rows failing alike give one line: the count and the first rows
eval 'table a in [224, 0], b in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], c in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] where a == 0 or b * c == 1: a, b, c, latency(mobilenet_v2(resolution = a), a16)'
