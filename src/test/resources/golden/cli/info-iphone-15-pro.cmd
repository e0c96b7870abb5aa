# info of a device: every field with unit, confidence, source and notes
info iphone_15_pro
