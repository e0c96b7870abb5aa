# explain --help says that --top and --group cut every format
explain --help
