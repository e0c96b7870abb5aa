# ONNX Resize finds the resize/upsample op by its ONNX name
search Resize --limit 3
