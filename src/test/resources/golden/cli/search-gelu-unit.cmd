# torch.nn.GELU finds gelu; --unit keeps one row of the grid
search torch.nn.GELU --unit ane --limit 1
