# an item a where filter left out because it is unknown, in JSON: left_out with the row, the filter and the reason
eval --format json '[d in devices where d.year >= 2025 and d.form_factor == "phone" and d.battery_wh > 10 Wh]'
