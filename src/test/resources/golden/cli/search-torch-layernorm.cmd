# a PyTorch class path finds the op by its words
search torch.nn.LayerNorm --limit 2 --soc a17_pro
