"""Sphinx configuration for paxbill's documentation."""

from importlib.metadata import version as _version

project = "paxbill"
author = "paxbill developers"
copyright = "2026, paxbill developers"
release = _version("paxbill")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]

html_theme = "furo"
html_title = f"paxbill {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# The docs are built offline: no intersphinx. Types from the standard library
# and the dependencies are named but not linked.
nitpick_ignore_regex = [
    (
        "py:class",
        r"(enum|decimal|fractions|collections\.abc|typing|datetime|pathlib|babel|attrs?)\..*",
    ),
    ("py:class", r"Decimal|Iterable|Sequence|Locale|Any|NoReturn|Final|Figure"),
    ("py:class", r"(dt|pd|matplotlib|pandas)\..*"),
    ("py:class", r"(paxbill\.[a-z_.]+\.)?(ExactNumber|JSONValue|Numbered|Database)"),
    ("py:exc", r"(ValueError|TypeError|AttributeError)"),
    ("py:mod", r"decimal"),
]
