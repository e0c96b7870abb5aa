# devq help states lists thermal states, compute units and start modes
help states
