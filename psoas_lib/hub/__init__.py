"""Running the collection on a JupyterHub: links that hand each student a copy, and the one-machine spawner."""
