# kind: chooses the entities to search
search kind:soc a17 pro --limit 3
