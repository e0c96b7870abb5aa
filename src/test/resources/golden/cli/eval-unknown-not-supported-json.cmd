# a check whose answer is unknown in JSON: pass false and "unknown" with the reason
eval --format json 'not supported(gelu, a13, ane)'
