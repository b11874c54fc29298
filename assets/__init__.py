"""Furikaeri's shipped files, installed as the package ``furikaeri_assets``.

pyproject.toml maps this folder to that package, so a wheel, an editable
install and a PyInstaller build all carry it; ``facilitator.paths`` finds it
with :mod:`importlib.resources`.  Nothing here is code.
"""
