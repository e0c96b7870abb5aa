# any over items some of which are unknown: no known item holds, so it is unknown, and the check fails (exit 1) naming them; a fact no source gives (d.battery_wh) is unknown too
eval 'any d in devices where d.year >= 2025 and d.form_factor == "phone": battery(mobilenet_v2, d, 30fps) > 1%' 'all d in devices where d.year >= 2025 and d.form_factor == "phone": d.battery_wh > 1 Wh'
