# info shows every field with source and confidence
info a17_pro
