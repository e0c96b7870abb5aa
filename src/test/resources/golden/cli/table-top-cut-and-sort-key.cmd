# a row that 'top' cuts says nothing of why its cells are unknown; a sort key that fails puts its row last and says so, by the key
eval 'table r in [0, 160, 224]: r by latency(mobilenet_v2(resolution = r), a16) top 2' 'table r in [0, 224]: r by latency(mobilenet_v2(resolution = r), a16)'
