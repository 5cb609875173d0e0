"""The version, in a module of its own: the package, the command line, cache keys
and the build (pyproject.toml's [tool.hatch.version]) read it from here, so none of
them imports the package's __init__ for it."""

__version__ = "0.1.0"
