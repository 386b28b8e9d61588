"""Which of the supported languages an article is written in.

Lingua ships its models in the wheel, so detection works offline. The detector is restricted to the
languages we have rules for: unrestricted, it calls short Bokmål text Danish.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

SUPPORTED_LANGUAGES: dict[str, Language] = {"nb": Language.BOKMAL, "en": Language.ENGLISH}


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
