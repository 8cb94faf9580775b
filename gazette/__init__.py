"""gazette: a static-site generator for a Chinese government gazette (政府公报)."""

__version__ = "0.1.0"
