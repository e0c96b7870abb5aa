# explain --help says that csv and markdown list every layer whatever --top and --group say
explain --help
