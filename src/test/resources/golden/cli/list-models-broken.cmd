# a model file with an unknown op, a residual add of mismatched shapes and repeat: 0, with --profiles
# before the subcommand: three file:line:col errors and exit code 2
--profiles src/test/resources/models-bad list models
