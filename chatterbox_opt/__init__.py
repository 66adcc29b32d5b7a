__version__ = "0.1.0"

# What a user calls first, importable from the top level (`from chatterbox_opt import load_chatterbox, optimize`).
# Loaded on first use (PEP 562), so that `import chatterbox_opt` stays light: the CLI reads only the version.
_EXPORTS = {"load_chatterbox": "models", "make_voice": "models", "save_voice": "models", "load_voice": "models",
            "optimize": "tts", "split_for_tts": "split", "Engine": "engine", "RequestOptions": "engine"}
__all__ = ["__version__", *_EXPORTS]

def __getattr__(name):
    if name in _EXPORTS:
        import importlib
        return getattr(importlib.import_module(f"chatterbox_opt.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'chatterbox_opt' has no attribute {name!r}")
