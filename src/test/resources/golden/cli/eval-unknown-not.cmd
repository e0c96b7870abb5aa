# not of a comparison with a fact no source gives (iPhone 17e's battery) is unknown, not true: the check fails (exit 1) naming the unknown item; before, it passed
eval 'all d in devices where d.year >= 2025 and d.form_factor == "phone": not (d.battery_wh < 1 Wh)' 'not (iphone_17e.battery_wh < 1 Wh)'
