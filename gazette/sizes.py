"""File sizes as readers read them."""


def file_size(size: int) -> str:
    """464 KB, or 980 字节 under a kilobyte."""
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} 字节"
