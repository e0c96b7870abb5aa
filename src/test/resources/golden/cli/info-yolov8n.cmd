# devq info on a detector whose neck joins saved feature maps (save/from)
info yolov8n
