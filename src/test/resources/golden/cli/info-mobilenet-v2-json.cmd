# devq info --format json on a model: computed figures, settings, op histogram and the sourced reference
info mobilenet_v2 --format json
