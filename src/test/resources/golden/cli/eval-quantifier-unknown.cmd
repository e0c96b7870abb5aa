# a quantifier over devices, one of which lacks battery_wh: that item is unknown, as its table cell is, not an error; all fails naming its counterexamples and its unknown items (exit 1)
eval 'all d in devices where d.year >= 2025 and d.form_factor == "phone": battery(mobilenet_v2, d, 30fps) < 0.2%'
