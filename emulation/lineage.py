"""Lineage through succession links, over plain ``(predecessor_id, successor_id)`` edges: who a unit took over
(transitively) and who took it over. Pure functions; the selectors load the edges in one query."""

from collections import defaultdict
from collections.abc import Iterable

Edge = tuple[int, int]


def _walk(adjacent: dict[int, list[int]], start: Iterable[int]) -> set[int]:
    start = set(start)
    found, frontier = set(), list(start)
    while frontier:
        node = frontier.pop()
        for other in adjacent.get(node, ()):
            if other not in found and other not in start:
                found.add(other)
                frontier.append(other)
    return found


def predecessors_of(edges: Iterable[Edge], start: Iterable[int]) -> set[int]:
    """Every unit the ``start`` units took over, directly or through intermediate successions (not ``start``)."""
    back = defaultdict(list)
    for predecessor, successor in edges:
        back[successor].append(predecessor)
    return _walk(back, start)


def successors_of(edges: Iterable[Edge], start: Iterable[int]) -> set[int]:
    """Every unit that took over the ``start`` units, directly or transitively (not ``start``)."""
    forward = defaultdict(list)
    for predecessor, successor in edges:
        forward[predecessor].append(successor)
    return _walk(forward, start)


def heirs(edges: Iterable[Edge], units: Iterable[int]) -> dict[int, set[int]]:
    """For each of ``units``, its predecessors (transitively): their history counts for it."""
    edges = list(edges)
    return {unit: predecessors_of(edges, [unit]) for unit in units}


# --- scope by tree path -------------------------------------------------------------------------------------
# A unit's ``path`` ("/000001/000002/") starts with the path of each of its ancestors, so a subtree is a path prefix.

Link = tuple[int, str, int, str]  # (predecessor_id, predecessor_path, successor_id, successor_path)


def covers(prefixes: Iterable[str], path: str) -> bool:
    """Whether ``path`` lies in the subtree of one of ``prefixes``."""
    return bool(path) and any(path.startswith(prefix) for prefix in prefixes)


def subtree_prefixes(paths: Iterable[str]) -> tuple[str, ...]:
    """The fewest prefixes covering the subtrees of ``paths``: a path under another is dropped, empty paths too.
    Sorted, the paths under a prefix follow it without a gap, so comparing with the last kept one suffices."""
    kept: list[str] = []
    for path in sorted({p for p in paths if p}):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return tuple(kept)


def inherited_prefixes(paths: Iterable[str], links: Iterable[Link]) -> tuple[str, ...]:
    """The subtrees of ``paths`` and of every unit a unit inside them took over, until nothing more is inherited
    (a successor reads its predecessors' subtrees, transitively)."""
    prefixes, links = subtree_prefixes(paths), list(links)
    while inherited := [before for _, before, _, after in links if covers(prefixes, after)
                        and not covers(prefixes, before)]:
        prefixes = subtree_prefixes([*prefixes, *inherited])
    return prefixes


def linked_outside(links: Iterable[Link], prefixes: tuple[str, ...]) -> set[int]:
    """Units outside ``prefixes`` linked by succession (either way, transitively) to a unit inside them."""
    links = list(links)
    paths = {pk: path for a, a_path, b, b_path in links for pk, path in ((a, a_path), (b, b_path))}
    inside = {pk for pk, path in paths.items() if covers(prefixes, path)}
    edges = [(a, b) for a, _, b, _ in links]
    related = successors_of(edges, inside) | predecessors_of(edges, inside)
    return {pk for pk in related if not covers(prefixes, paths[pk])}
