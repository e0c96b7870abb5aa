# a misspelt option after --over is refused as the unknown option it is, with the nearest one, not read into the range
plot latency(mobilenet_v2,iphone_12,after(t)) --over t in 0min..30min --tilte Heat -o target/plot-tilte.svg
