"""The questionnaires Reclaim offers, one module each, found automatically.

Every public module in this package defines ``INSTRUMENT``, an
:class:`Instrument` whose ``code`` equals the module name. Adding a
questionnaire means adding one module here and nothing else: the registry
finds it by walking the package. Modules whose names start with an underscore
hold shared code and are skipped.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

from ._base import (
    AnswerError,
    Band,
    BandBasis,
    Flag,
    Instrument,
    Item,
    Licence,
    LicenceStatus,
    Option,
    ScoreKind,
    UnscoredQuestion,
    numbered_items,
)

__all__ = [
    "AnswerError",
    "Band",
    "BandBasis",
    "Flag",
    "Instrument",
    "Item",
    "Licence",
    "LicenceStatus",
    "Option",
    "ScoreKind",
    "UnknownInstrument",
    "UnscoredQuestion",
    "all_instruments",
    "get",
    "numbered_items",
    "registry",
]


class UnknownInstrument(ValueError):
    """No questionnaire has this code.

    It is a ValueError, not a KeyError, because an unknown code usually comes
    from a URL or a form and should be handled like any other bad input.
    """


@functools.cache
def registry() -> Mapping[str, Instrument]:
    """Every instrument by code, loaded once on first use.

    Loading lazily keeps importing this package cheap and avoids import
    cycles, since each instrument module imports the classes above.
    """
    found: dict[str, Instrument] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        instrument = getattr(module, "INSTRUMENT", None)
        if not isinstance(instrument, Instrument):
            raise TypeError(f"{module.__name__} must define INSTRUMENT as an Instrument")
        if instrument.code != info.name:
            raise ValueError(
                f"{module.__name__} declares code {instrument.code!r}; "
                "the code must equal the module name so it can be found"
            )
        found[instrument.code] = instrument
    return MappingProxyType(found)


def get(code: str) -> Instrument:
    """The instrument with this code, or UnknownInstrument (a ValueError)."""
    try:
        return registry()[code]
    except (KeyError, TypeError):
        raise UnknownInstrument(f"There is no questionnaire with the code {code!r}.") from None


def all_instruments() -> tuple[Instrument, ...]:
    """Every instrument in the order they are offered to a member."""
    return tuple(
        sorted(registry().values(), key=lambda instrument: (instrument.order, instrument.code))
    )
