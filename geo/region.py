"""The area the pipeline works in: which countries' places and borders it considers."""

from __future__ import annotations

#: Syria, Iraq and their neighbours (ISO 3166-1 alpha-2). The conflict's towns are in the first two;
#: neighbours are kept so that press mentions of Turkish or Jordanian towns resolve to themselves
#: rather than to a same-named Syrian hamlet.
DEFAULT_COUNTRIES: tuple[str, ...] = ("SY", "IQ", "TR", "JO", "LB", "IL", "PS", "SA", "IR", "KW")

#: Countries whose towns the conflict is about; candidates there are preferred when a name is shared.
CORE_COUNTRIES: tuple[str, ...] = ("SY", "IQ")
