"""Forms of the meetings app: packs and their review (packs.py), the tracker (tracker.py)."""
