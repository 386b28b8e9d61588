"""Splitting article text into sentences, keeping each sentence's offsets in the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and a capital,
# a digit, a dash or an opening quote; paragraphs (blank lines, or single lines in wire copy) end one too.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-ZÆØÅÄÖÜ\d\"“‘–—(-])|\n+")
# "Jan." "St." "Mr." "Dr." and single initials do not end a sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|jan|feb|aug|sep|sept|okt|oct|nov|des|dec|nr|ca|bl\.a|f\.eks|U\.S))\.\Z")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text[start:boundary.start()]):
            continue
        _append(sentences, text, start, boundary.start())
        start = boundary.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
