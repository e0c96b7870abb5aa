# hostile model files fail fast at load with file:line:col (no hang, no overflow, no stack trace):
# a 2^63 channel count, repeat 10^9, nested repeats, a block calling itself, two blocks calling
# each other, and 40 blocks each calling the next twice (2^40 layers)
--profiles src/test/resources/models-hostile list models
