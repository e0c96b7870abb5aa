# a hole's unknown targets in JSON: left_out items with the target and the reason, never among the targets
eval --format json 'battery(mobilenet_v2, ?, 30fps) < 1%'
