# a chip whose devices all shipped after the release asked for says so below the grid, as one past its last does
search --os 'iOS 16' gelu --soc a19
