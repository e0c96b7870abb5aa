# the unknown items of a quantified check in JSON: item and reason, apart from the counterexamples
eval --format json 'all d in devices where d.year >= 2025 and d.form_factor == "phone": battery(mobilenet_v2, d, 30fps) < 0.2%'
