"""What a document is about, so that a figure with no subject of its own can be given one.

An article about an election gives "turnout of 53 percent" without saying whose; it means the
election the article is about. `Topic` holds that default: the event the document names most
(with its kind: `parliamentary` if that is how it most often qualifies it) and the names it
repeats most or names in its first sentence. A figure's subject is then compared in resolved
form: no event means the topic's event; an election of no stated kind means the topic's kind
of election; a name the article is about (`Kazakhstan` in an article on Kazakhstan) says
nothing that a figure without it does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotelint.names import fold

if TYPE_CHECKING:
    from quotelint.facts import Layout

Event = tuple[str, "str | None"]
LEAD_SENTENCES = 1  # the headline or the dateline and lead name what an article is about


@dataclass(frozen=True, slots=True)
class Topic:
    event: tuple[str, str | None] | None = None
    entities: frozenset[str] = frozenset()  # folded


def find_topic(layout: Layout) -> Topic:
    families: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    names: Counter[str] = Counter()
    lead: set[str] = set()
    for k, word in enumerate(layout.words):
        event = layout.event(k)
        if event is not None:
            families[event[0]] += 1
            if event[1] is not None:
                kinds[(event[0], event[1])] += 1
        elif layout.is_entity(k):
            names[fold(word.text)] += 1
            if layout.sentence[k] < LEAD_SENTENCES:
                lead.add(fold(word.text))
    event = None
    if families:
        family = families.most_common(1)[0][0]
        of_family = [kind for (fam, kind), _ in kinds.most_common() if fam == family]
        event = (family, of_family[0] if of_family else None)
    top = max(names.values(), default=0)
    frequent = {name for name, n in names.items() if n >= max(3, top // 4)}
    return Topic(event, frozenset(frequent | lead))


def resolve_events(events: Iterable[Event], topic: Topic) -> frozenset[Event]:
    """Events as the document means them: none is the topic's; a bare `election` is its kind."""
    events = list(events)
    if not events:
        return frozenset({topic.event}) if topic.event else frozenset()
    out = set()
    for family, kind in events:
        if kind is None and topic.event and family == topic.event[0]:
            out.add(topic.event)
        else:
            out.add((family, kind))
    return frozenset(out)


def own_names(entities: Iterable[str], topic: Topic, known: Iterable[str] = ()) -> frozenset[str]:
    """The names that set a figure's subject apart: not the document's topic, not `known`."""
    skip = topic.entities | {fold(k) for k in known}
    return frozenset(fold(e) for e in entities if fold(e) not in skip)
