# search finds layer_norm first
search 'layer norm'
