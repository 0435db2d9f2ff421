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
from typing import TYPE_CHECKING, NamedTuple

from quotelint.names import fold

if TYPE_CHECKING:
    from quotelint.claims.layout import Layout

Event = tuple[str, "str | None"]
PUNCT = str.maketrans("", "", "'’-.")  # what `names.fold` drops from a word
LEAD_SENTENCES = 1  # the headline or the dateline and lead name what an article is about


class Topic(NamedTuple):
    event: tuple[str, str | None] | None = None
    entities: frozenset[str] = frozenset()  # folded


def find_topic(layout: Layout, positions: dict[str, list[int]]) -> Topic:
    """The document's main event and its names, from its vocabulary: `positions` maps each
    distinct word to where it stands, so lower-case words cost one test per distinct word."""
    event_nouns = layout.data.event_nouns
    families: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    names: Counter[str] = Counter()
    lead: set[str] = set()
    index = layout.sentences.index
    for text, where in positions.items():
        if text.lower() in event_nouns:
            for k in where:
                if (event := layout.event(k)) is not None:
                    families[event[0]] += 1
                    if event[1] is not None:
                        kinds[(event[0], event[1])] += 1
        elif text[:1].isupper() and (kind := layout.name_kind(text)) != 0:  # a name has a capital: most words are passed over here
            key = quick_fold(text)
            for k in where:
                if k in layout.figure_words:
                    continue
                s = index(layout.words[k].start)
                if kind == 2 and (k == 0 or index(layout.words[k - 1].start) != s):
                    continue  # a capital that only opens a sentence
                names[key] += 1
                if s < LEAD_SENTENCES:
                    lead.add(key)
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


def quick_fold(word: str) -> str:
    """`names.fold`, without its Unicode decomposition for the plain ASCII words most text is."""
    return word.lower().translate(PUNCT) if word.isascii() else fold(word)


def own_names(entities: Iterable[str], topic: Topic, known: Iterable[str] = ()) -> frozenset[str]:
    """The names that set a figure's subject apart: not the document's topic, not `known`."""
    skip = topic.entities | {quick_fold(k) for k in known}
    return frozenset(quick_fold(e) for e in entities if quick_fold(e) not in skip)
