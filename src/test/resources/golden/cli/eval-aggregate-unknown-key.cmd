# min/max/argmin/argmax ... by KEY leave out an item whose key is unknown and say so under the value, in text and JSON; before, it was skipped unsaid
eval 'argmax d in devices where d.form_factor == "phone" by d.battery_wh' 'argmin d in [iphone_17e, iphone_16e] by battery(mobilenet_v2, d, 30fps)'
