"""Loads a Python module from its file path (the module file `residual export` writes, or
packages/core/python/residual_torch.py), for the interop scripts beside this one."""

import importlib.util
import pathlib


def load_module(path):
    """The module defined by the file at `path`, named after the file."""
    spec = importlib.util.spec_from_file_location(pathlib.Path(path).stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
