"""Vietnamese text: NFC normalisation, accent-free search keys and alphabetical sort keys.

Vietnamese order compares base letters first (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t
u ư v x y), then tones (none, huyền, hỏi, ngã, sắc, nặng). People are sorted by given name,
then family name, then middle names.
"""

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Letters outside the Vietnamese alphabet (f, j, w, z) sort after the nearest letter.
_EXTRA = {"f": "e", "j": "i", "w": "v", "z": "y"}
# Below every letter and the space, so "An" < "An Ba" < "Anh".
SEPARATOR = "\x1f"
TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def search_key(text: str) -> str:
    """Lower-case, accent-free text for searching: "Nguyễn Văn Đức" → "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def _letter_and_tone(ch: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    for mark in marks:
        if mark in TONE_MARKS:
            tone = TONE_MARKS[mark]
        elif mark == "\u0302":  # circumflex: â ê ô
            base = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        elif mark == "\u0306":
            base = "ă" if base == "a" else base
        elif mark == "\u031b":
            base = {"o": "ơ", "u": "ư"}.get(base, base)
    return base, tone


def _word_key(text: str) -> tuple[str, str]:
    letters, tones = [], []
    for ch in nfc(text).lower():
        if ch.isspace():
            letters.append(" ")
            continue
        base, tone = _letter_and_tone(ch)
        base = _EXTRA.get(base, base)
        index = ALPHABET.find(base)
        if index >= 0:
            letters.append(chr(0x41 + index))
            tones.append(str(tone))
        elif base.isdigit():
            letters.append("0" + base)  # digits before letters, in numeric order
        else:
            letters.append(chr(0x7E))  # punctuation and anything else sorts last
    return "".join(letters), "".join(tones)


def sort_key(text: str) -> str:
    """A string whose plain ordering is the Vietnamese alphabetical order of ``text``."""
    letters, tones = _word_key(text)
    return f"{letters}{SEPARATOR}{tones}"


def split_name(full_name: str) -> tuple[str, str, str]:
    """"Nguyễn Thị Minh Khai" → ("Nguyễn", "Thị Minh", "Khai")."""
    parts = nfc(full_name).split()
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return "", "", parts[0]
    return parts[0], " ".join(parts[1:-1]), parts[-1]


def name_sort_key(full_name: str) -> str:
    """Sort key for a person: given name (letters, then tones), then family name, then middle names."""
    family, middle, given = split_name(full_name)
    return "\x1e".join(sort_key(part) for part in (given, family, middle))


def display_name(name: str) -> str:
    return " ".join(nfc(name).split())


def person_name(user) -> str:
    """A user's name in natural Vietnamese order: "Lê Thùy Hằng", or the username when it is blank.

    Accounts keep the family and middle names in ``last_name`` and the given name in ``first_name``,
    so Django's ``get_full_name()`` (first, then last) would print "Hằng Lê Thùy": never use it."""
    if user is None:
        return ""
    name = display_name(f"{getattr(user, 'last_name', '') or ''} {getattr(user, 'first_name', '') or ''}")
    return name or user.get_username()


__all__ = ["nfc", "search_key", "sort_key", "name_sort_key", "split_name", "display_name", "person_name"]
