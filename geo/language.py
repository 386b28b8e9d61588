"""Which of the supported languages an article is written in.

The supported languages are those with a module in `geo/lang/` (adding a language is adding a file).
Lingua ships its models in the wheel, so detection works offline. The detector is restricted to the
languages we have rules for: unrestricted, it calls short Bokmål text Danish.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from geo.lang import available


def _lingua_language(code: str) -> Language:
    """Lingua's language for an ISO 639-1 code ("nb" → Bokmål); a module named otherwise is a mistake."""
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):
        raise ValueError(f"geo/lang/{code}.py: {code!r} is not an ISO 639-1 code lingua can detect; "
                         f"name a language module by its code (nb.py, en.py, sv.py)") from None


#: The languages with a module in geo/lang/, by ISO 639-1 code, as lingua knows them.
SUPPORTED_LANGUAGES: dict[str, Language] = {code: _lingua_language(code) for code in available()}


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*SUPPORTED_LANGUAGES.values()).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the supported language `text` is most likely written in."""
    language = _detector().detect_language_of(text)
    for code, candidate in SUPPORTED_LANGUAGES.items():
        if candidate == language:
            return code
    return "en"
