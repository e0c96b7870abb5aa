# sort and top as Markdown
eval --format markdown 'table d in devices where d.year >= 2022: d, fps(yolov8n, d, sustained) as "sustained fps" by fps(yolov8n, d, sustained) desc top 5'
