# which devices since 2020 run YOLOv8n at 30 fps sustained, and how fast (issue 17)
eval 'table d in devices where d.year >= 2020 and fps(yolov8n, d, sustained) >= 30fps: d, d.year as "year", fps(yolov8n, d, sustained) as "sustained", latency(yolov8n, d, sustained) as "latency" by latency(yolov8n, d, sustained)'
