# an unknown SoC exits 2 with a suggestion
search gelu --soc a71
