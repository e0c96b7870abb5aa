# a misspelled function suggests latency
eval 'latncy(mobilenet_v2, a16)'
