"""Every quotation of a document, with its kind, its speaker and its registry status.

`find_quotes(ctx)` is what `ctx.quotes` returns: the final `Quotation` records in document
order. The steps, each in its own module:

1. spans (`spans.py`): marks paired within paragraphs, quotations of several paragraphs linked;
2. frames (`frames.py`): each quotation placed in the sentence of the text around it;
3. attribution in the sentence (`attribution.py`, `saidby.py`, `speakers.py`, `nameruns.py`);
4. speech or term (`speech.py`);
5. attribution from the context, for speech only (`carryover.py`: a dash line, a colon, an
   earlier quotation; here: the first part of a long quotation, the same words quoted elsewhere);
6. registry matching (`quotematch.py`), for speech only.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from quotelint import knowledge
from quotelint.names import END, START, TEXT
from quotelint.quotation import Quotation
from quotelint.quotes.attribution import Attribution, Attributor
from quotelint.quotes.carryover import Carryover
from quotelint.quotes.confidence import LOW, confidence, stands_for
from quotelint.quotes.frames import build_frames, parents
from quotelint.quotes.matching import cut
from quotelint.quotes.roles import title_before
from quotelint.quotes.runmemo import word_sets
from quotelint.quotes.speakers import Cast
from quotelint.quotes.speech import Classifier
from quotelint.quotes.words import quote_words

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.quotes.spans import Span

HEADLINE_MAX = 160  # characters of a first paragraph that reads as a headline
ECHO_MIN = 2  # content words a quotation must share to take another's speaker


def find_quotes(ctx: Context) -> list[Quotation]:
    scan = ctx.quote_scan
    spans = scan.spans
    if not spans:
        return []
    qw = quote_words()
    lexicon = ctx.registry.words
    prose, words = ctx.prose, ctx.words
    sets = word_sets(ctx.registry.names, lexicon, qw)
    parent = parents(spans)
    frames, where, inside = build_frames(prose, words, spans, scan.paragraphs, sets.abbreviations, sets.frame_verbs, parent, ctx.word_starts)
    cast = Cast(ctx, inside, qw, [p[0] for p in scan.paragraphs], sets)
    attributor = Attributor(prose, cast, frames, where, qw)
    carry = Carryover(attributor, scan.paragraphs)
    classifier = Classifier(prose, words, qw, lexicon, ctx.word_starts, sets.verbs)
    first_part = link_parts(spans)
    texts = [prose[s.start : s.end] for s in spans]

    found = [attributor.in_sentence(q) for q in range(len(spans))]
    kinds: dict[int, str] = {}
    for q in range(len(spans)):
        if first_part[q] != q:
            kinds[q] = kinds[first_part[q]]
            continue
        key, k = where[q]
        kinds[q] = classifier.kind(texts[q], frames[key], k, found[q], parent[q] >= 0, kinds, spans[q].start)
    speech = [kinds[q] == "speech" for q in range(len(spans))]

    final: list[Attribution | None] = [None] * len(spans)
    for q in range(len(spans)):
        if not speech[q]:
            continue
        if first_part[q] != q:
            final[q] = unblocked(found[q], parent[q])  # `"...," she told reporters` closing the last paragraph
            continue
        final[q] = unblocked(found[q], parent[q]) or carry.dash_line(q) or carry.colon_before(q) or carry.answer(q, final) or carry.previous(q, speech, final)
    from_parts(first_part, final)
    headline_echo(prose, texts, speech, kinds, final, parent, spans, scan.paragraphs, qw)
    echo(texts, speech, final, parent, qw)
    for q in range(len(spans)):
        if not speech[q] or first_part[q] != q:
            continue
        unnamed = final[q] is None or (final[q].cand is None and final[q].speaker is None)  # type: ignore[union-attr]
        if unnamed and parent[q] >= 0:
            final[q] = carry.first_person(q, final[first_part[parent[q]]]) or final[q]
        if final[q] is None:
            final[q] = (
                carry.participle_after(q) or carry.paragraph_around(q, speech, final) or carry.said_before(q) or carry.subject(q) or carry.subject_before(q) or carry.nearest_named(q)
            )
    from_parts(first_part, final)
    # The frames and the cast are done with: freed before the registry matching and the records
    # (a line of a million quotation marks holds 120 MB of frames).
    del frames, where, inside, cast, attributor, carry, classifier, found

    statuses = match_all(ctx, texts, speech, final, first_part)
    out: list[Quotation] = []
    for q, span in enumerate(spans):
        a = final[q]
        cand = a.cand if a is not None else None
        speaker = named_speaker(a)
        described = a.speaker.name if a is not None and a.speaker is not None and speaker is None else None
        span_of = (words[cand.first][START], words[cand.last][END]) if cand is not None else None
        named = cand is not None and words[cand.first][TEXT][:1].isupper()  # a name, not "he"
        title_first, title_last = title_before(ctx, cand.first) if named else (1, 0)
        text_from = words[title_first][START] if span_of and title_first <= title_last else span_of[0] if span_of else 0
        registry_id, status, changes = statuses[q]
        sure = how_sure(final, first_part, q) if speaker or described else None
        if status == "misattributed" and sure == LOW:
            status = "unverified"  # a guessed speaker never makes a misattribution; QL103 says whose the words are
        out.append(
            Quotation(
                start=span.start,
                end=span.end,
                open_mark=span.open_mark,
                close_mark=span.close_mark,
                text=texts[q],
                kind=kinds[q],
                speaker=speaker.name if speaker else None,
                speaker_id=speaker.entity_id if speaker else None,
                speaker_text=described or (prose[text_from : span_of[1]] if span_of and speaker else None),  # with its title
                speaker_span=span_of if speaker else None,
                registry_id=registry_id,
                status=status,
                nested_in=parent[q] if parent[q] >= 0 else None,
                continued=span.continued,
                part_of=first_part[q] if first_part[q] != q else None,
                attribution=a.method if a is not None and (speaker or described) else None,
                confidence=sure,
                referent=referent(prose, words, cand, speaker),
                changes=changes,
            )
        )
    return out


def unblocked(found: Attribution | None, parent: int) -> Attribution | None:
    """A reporting verb before a quotation whose subject nobody could find leaves the context to
    name the speaker; inside somebody's words it names nobody (`my grandson said, "..."`)."""
    if found is not None and found.method == "before" and found.cand is None and found.speaker is None and parent < 0:
        return None
    return found


def named_speaker(a: Attribution | None) -> Speaker | None:
    """The speaker an attribution names; a speaker only described names nobody."""
    if a is None or a.speaker is None or a.speaker.kind == "description":
        return None
    return a.speaker


def how_sure(final: list[Attribution | None], first_part: list[int], q: int) -> str | None:
    """The confidence of quotation q's attribution; the later parts of a quotation share the
    first part's."""
    a = final[first_part[q]] if final[q] is not None and final[q].method == "part" else final[q]  # type: ignore[union-attr]
    if a is None:
        return None
    return confidence(a.method, a.cand.kind if a.cand is not None else None, a.cand.bare if a.cand is not None else False)


def referent(prose: str, words, cand, speaker) -> str | None:  # type: ignore[no-untyped-def]
    """The word or words that stood for a speaker found behind them (`he`, `the legislator`)."""
    if cand is None or speaker is None or not stands_for(cand.kind, cand.bare):
        return None
    return prose[words[cand.first][START] : words[cand.last][END]]


def from_parts(first_part: list[int], final: list[Attribution | None]) -> None:
    """A quotation of several paragraphs has one speaker: a part with none of its own takes the
    first part's, and a first part with none takes the speaker a later part names (`"...` then
    `"...," she said` in the next paragraph)."""
    for q, first in enumerate(first_part):
        if first == q or final[q] is not None and (final[q].cand is not None or final[q].speaker is not None):  # type: ignore[union-attr]
            continue
        prior = final[first]
        if prior is not None:
            final[q] = Attribution("part", prior.cand, prior.speaker)
    for q, first in enumerate(first_part):
        later = final[q]
        if first != q and later is not None and later.method != "part" and final[first] is None:
            final[first] = Attribution("part", later.cand, later.speaker)


def link_parts(spans: tuple[Span, ...]) -> list[int]:
    """For each quotation, the first part of the quotation of several paragraphs it belongs to
    (itself when it stands alone or begins one)."""
    first = list(range(len(spans)))
    open_part: int | None = None
    for q, span in enumerate(spans):
        if span.depth != 0:
            continue
        if span.continued and open_part is not None and spans[open_part].paragraph == span.paragraph - 1:
            first[q] = first[open_part]
        open_part = q if span.continued and span.close_mark is None else None
    return first


def echo(texts: list[str], speech: list[bool], final: list[Attribution | None], parent: list[int], qw) -> None:  # type: ignore[no-untyped-def]
    """Speech without a named speaker whose words are all in an attributed quotation of the same
    document (a headline or a pull quote repeating the body, `Union leader vows: "..."`) takes
    that quotation's speaker: the first such quotation. A quotation inside another keeps an
    unnamed subject.

    Only speech is cut into words here (a term never echoes nor is echoed), and the quotations
    with a speaker only when one without asks: a document has a few of those, and testing each
    against the attributed ones (a subset test in C) costs less than an index of every word."""
    unnamed = [q for q in range(len(texts)) if speech[q] and _unnamed(final[q], parent[q])]
    if not unnamed:
        return
    minor = qw.minor_words | qw.determiners
    words_of: dict[str, frozenset[str]] = {}  # the same text quoted again is cut once

    def content(q: int) -> frozenset[str]:
        if texts[q] not in words_of:
            words_of[texts[q]] = frozenset(cut(texts[q], qw).norm) - minor
        return words_of[texts[q]]

    holders = [q for q, a in enumerate(final) if speech[q] and a is not None and a.speaker is not None and a.speaker.kind != "description"]
    for q in unnamed:
        words = content(q)
        if len(words) < ECHO_MIN:
            continue
        source = next((s for s in holders if s != q and words <= content(s)), None)
        if source is not None:
            final[q] = Attribution("echo", final[source].cand, final[source].speaker)  # type: ignore[union-attr]


def _unnamed(a: Attribution | None, parent: int) -> bool:
    """No speaker named for a quotation (`echo`): none found, or, outside another quotation, a
    speaker only described."""
    return a is None or (parent < 0 and (a.cand is None and a.speaker is None or a.speaker is not None and a.speaker.kind == "description"))


def headline_echo(prose, texts, speech, kinds, final, parent, spans, paragraphs, qw) -> None:  # type: ignore[no-untyped-def]
    """A term in the headline whose words a named speaker says in the body (`Councillors clash
    over 'reckless' plan` above `Ambrose called the closures 'reckless'`) is that speaker's
    word: a headline echoes the body, however short the word."""
    if len(paragraphs) < 2 or paragraphs[0][1] - paragraphs[0][0] > HEADLINE_MAX or "\n" in prose[paragraphs[0][0] : paragraphs[0][1]].strip():
        return  # no headline: a first paragraph of one short line
    end = paragraphs[0][1]
    terms = [q for q, span in enumerate(spans) if span.start < end and not speech[q] and parent[q] < 0]
    if not terms:
        return  # the common case: nothing in the headline to look for in the body
    said: dict[tuple[str, ...], int] = {}
    for q, span in enumerate(spans):
        if speech[q] and span.start >= end and final[q] is not None and named_speaker(final[q]) is not None:
            said.setdefault(cut(texts[q], qw).norm, q)
    for q in terms:
        source = said.get(cut(texts[q], qw).norm)
        if source is not None:
            speech[q], kinds[q] = True, "speech"
            final[q] = Attribution("echo", final[source].cand, final[source].speaker)


def reads_as_person(speaker, lexicon) -> bool:  # type: ignore[no-untyped-def]
    """A speaker the registry does not know reads as a person's name (so words registered to
    somebody else are a misattribution): a person, or a name that is no place, no body and no
    ordinary word (`said Blinken`, not `Brussels said` nor `the Ministry said`)."""
    if speaker.kind == "person":
        return True
    if speaker.kind != "name":
        return False
    words = speaker.name.split()
    if knowledge.is_place_or_body(speaker.name):
        return False
    return all(w[:1].isupper() and not lexicon.is_common_word(w) for w in words) and len(words) <= 3


Status = tuple[str | None, str | None, tuple[tuple[str, str], ...]]  # registry id, status, changes


def match_all(ctx: Context, texts: list[str], speech: list[bool], final: list[Attribution | None], first_part: list[int]) -> list[Status]:
    """Registry status of each speech quotation; the parts of one quotation are matched joined."""
    lexicon = ctx.registry.words
    joined: dict[int, list[str]] = defaultdict(list)
    for q, text in enumerate(texts):
        joined[first_part[q]].append(text)
    out: list[Status] = [(None, None, ())] * len(texts)
    done: dict[int, Status] = {}
    for q in range(len(texts)):
        if not speech[q]:
            continue
        head = first_part[q]
        if head not in done:
            speaker = named_speaker(final[head])
            name, sid = (speaker.name, speaker.entity_id) if speaker else (None, None)
            done[head] = status_of(ctx, " ".join(joined[head]), name, sid, speaker is not None and reads_as_person(speaker, lexicon))
        out[q] = done[head]
    return out


MATCHES_KEPT = 20_000  # quotations (words and speaker) whose registry status a run keeps, at most


def status_of(ctx: Context, text: str, name: str | None, sid: str | None, person: bool) -> Status:
    """The registry status of a quotation's words given to a speaker, worked out once a run
    (the name index's answers, bounded): the registry is the run's, and the same words are
    quoted again and again, in the articles of one story and in each that echoes them."""

    def make() -> Status:
        m = ctx.registry.quote_index.match(text, name, sid, ctx.registry.entities, person=person)
        return (m.registry_id, m.status, m.changes)

    return ctx.registry.names.answer("quotes.match", (text, name, sid, person), make, MATCHES_KEPT)  # type: ignore[no-any-return]
