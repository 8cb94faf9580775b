"""`gazette check --online`: what needs the network (阅办联动 service links)."""
