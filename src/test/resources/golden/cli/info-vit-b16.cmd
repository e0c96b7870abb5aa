# devq info on a vision transformer: patch convolution, tokens, class token and attention ops
info vit_b16
