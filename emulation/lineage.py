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
