# info of an unknown id exits 2 with a suggestion
info iphone_25
