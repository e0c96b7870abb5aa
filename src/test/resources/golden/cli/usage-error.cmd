# an unknown subcommand exits 2 with a suggestion
evl 1ms
