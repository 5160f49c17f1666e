"""palabre: commentaires auto-hébergés, modérés selon la charte du site."""

__version__ = "0.1.0"
