"""A language's words (`geo.lang`) compiled into the patterns the extractor matches.

`grammar(code)` gives one `Grammar` per language: the predicate triggers (`Trigger`, each with the kind of
claim it makes and where its force and place stand) and every cue the clause reading of `geo.events` asks
about ("is this word a negation", "does the text before the predicate end in a modal cue"). Nothing here
names a language; the words come from `geo/lang/<code>.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo import lang as L
from geo.text import LiteralFilter, Prefiltered

_I = re.IGNORECASE


@dataclass(frozen=True)
class Trigger:
    kind: str  # capture | loss | fall | contest | pressure | state
    pattern: re.Pattern
    form: str = "verb"  # verb | drive | noun | holder | attribute | epithet (see geo.lang.Predicate)
    liberation: bool = False
    passive: bool = False
    entry: bool = False


def _words(fragment: str, flags: int = _I) -> re.Pattern:
    """The fragment as whole words anywhere."""
    return re.compile(r"(?<![\w-])(?:" + fragment + r")(?![\w])", flags)


def _whole(fragment: str, flags: int = _I) -> re.Pattern:
    """The fragment as the whole of a string (one token or phrase)."""
    return re.compile(r"(?:" + fragment + r")\Z", flags)


def _at(fragment: str, flags: int = _I) -> re.Pattern:
    """The fragment at the start of a string, ending on a word boundary."""
    return re.compile(r"(?:" + fragment + r")(?![\w])", flags)


def _ending(fragment: str, flags: int = _I) -> re.Pattern:
    """The fragment at the end of a string, starting on a word boundary."""
    return re.compile(r"(?<![\w-])(?:" + fragment + r")\s*\Z", flags)


@dataclass(frozen=True)
class Grammar:
    """One language's patterns. Patterns named `*_at` match at a position (`pattern.match(text, pos)`),
    `*_end` at the end of a string, `*_word` a single token, the others anywhere."""

    code: str
    triggers: tuple[Trigger, ...]
    filter: LiteralFilter
    clause_candidates: re.Pattern
    coordinator_word: re.Pattern
    inheriting_word: re.Pattern
    list_join_at: re.Pattern
    sequel_at: re.Pattern
    modal_after: re.Pattern
    reference_date_end: re.Pattern
    onset: re.Pattern
    gerund_topic_word: re.Pattern
    between: re.Pattern
    result_label_word: re.Pattern
    result_summary_word: re.Pattern
    future_word: re.Pattern
    present_aux_word: re.Pattern
    present_verb_word: re.Pattern
    region_before_end: re.Pattern
    needed_for: re.Pattern
    temporal_opener_word: re.Pattern
    date_label_line: re.Pattern
    event_name_end: re.Pattern
    comparison_since_end: re.Pattern
    collective_participle_gap: re.Pattern
    until_word: re.Pattern
    claim_refuted: re.Pattern
    event_name_after_at: re.Pattern
    battle_adjunct_opening: re.Pattern
    span_open_end: re.Pattern
    force_tail: re.Pattern
    era_opening: re.Pattern
    result_line: re.Pattern
    brief_word: re.Pattern
    focus_adverb_word: re.Pattern
    praise_end: re.Pattern
    struggle_end: re.Pattern
    handover_end: re.Pattern
    attribution_end: re.Pattern
    past_holding_word: re.Pattern
    interposed_at: re.Pattern
    determiner_end: re.Pattern
    possessive_word: re.Pattern
    date_preposition_at: re.Pattern
    date_preposition_word: re.Pattern
    destination_end: re.Pattern
    destination_noun_end: re.Pattern
    village_anaphor_at: re.Pattern
    later_word: re.Pattern
    anaphoric_time_word: re.Pattern
    time_unit_word: re.Pattern
    locative_word: re.Pattern
    little_resistance: re.Pattern
    holdout: re.Pattern
    inside_town_at: re.Pattern
    subarea_any: re.Pattern
    whole_any: re.Pattern
    none_word: re.Pattern
    perfect_aux_word: re.Pattern
    past_aux: re.Pattern
    backed_marker: re.Pattern
    generic_force: re.Pattern
    against_at: re.Pattern
    of_at: re.Pattern
    that_follower_word: re.Pattern
    said_after_and: re.Pattern
    complementizer_always: bool
    pronoun_alone: bool
    perfect_is_undated: bool
    subordinator_at: re.Pattern
    relative_word: re.Pattern
    complementizer_word: re.Pattern
    saying_word: re.Pattern
    passive_aux_word: re.Pattern
    agent_at: re.Pattern
    agent_end: re.Pattern
    noun_link_at: re.Pattern
    now: re.Pattern
    verb_second: bool
    coordinated_force_gap: re.Pattern
    force_head_gap: re.Pattern
    counted_back_end: re.Pattern
    period_in_which_at: re.Pattern
    fighting_span_at: re.Pattern
    clause_shift: re.Pattern
    mop_up: re.Pattern
    including_after: re.Pattern
    including_list: re.Pattern
    subject_partner_at: re.Pattern
    contact_apposition_end: re.Pattern
    out_of_at: re.Pattern
    source_end: re.Pattern
    source_at: re.Pattern
    source_word: re.Pattern
    source_window_end: re.Pattern
    out_of_lead: re.Pattern
    beneficiary_end: re.Pattern
    noun_link_lead: re.Pattern
    partial_any: re.Pattern
    half_any: re.Pattern
    most_any: re.Pattern
    beneficiary_at: re.Pattern
    backed_by: re.Pattern
    backing_verb_after: re.Pattern
    not_agent_end: re.Pattern
    absolute_end: re.Pattern
    pronoun_word: re.Pattern
    subject_pronoun_word: re.Pattern
    modal_end: re.Pattern
    factual_end: re.Pattern
    ordinal_end: re.Pattern
    aims: re.Pattern
    relative_time: re.Pattern
    relative_span: re.Pattern
    retaking_word: re.Pattern
    summary_opening: re.Pattern
    reference_end: re.Pattern
    until_end: re.Pattern
    until_clause_end: re.Pattern
    participle_word: re.Pattern
    gerund_word: re.Pattern
    conditional: re.Pattern
    conditional_start: re.Pattern
    negation_word: re.Pattern
    negation_end: re.Pattern
    negation_after_word: re.Pattern
    denial: re.Pattern
    denied_after: re.Pattern
    denial_back: re.Pattern
    denied_back_after: re.Pattern
    background: re.Pattern
    pluperfect_word: re.Pattern
    base_form_word: re.Pattern
    participle_form_word: re.Pattern
    participle_after_end: re.Pattern
    expectation_end: re.Pattern
    holding_ends: re.Pattern
    still: re.Pattern
    unopposed: re.Pattern
    withdrawal: re.Pattern
    entry_after_word: re.Pattern
    unit_subject_at: re.Pattern
    progressive_end: re.Pattern
    extent: re.Pattern
    facility_before_end: re.Pattern
    facility_after_at: re.Pattern
    let_in_end: re.Pattern
    let_in_after_at: re.Pattern
    participle_article_end: re.Pattern
    withdrawal_area_at: re.Pattern
    present_passive_word: re.Pattern
    forecast: re.Pattern
    unreal_cue: re.Pattern
    failed_cue: re.Pattern
    cue_source_at: re.Pattern
    some_end: re.Pattern
    locative_after_at: re.Pattern
    after_phrase_word: re.Pattern
    time_shift_word: re.Pattern
    agent_word: re.Pattern
    remainder: re.Pattern
    negation_any: re.Pattern
    partial_adverb_end: re.Pattern
    member_of: re.Pattern
    adverb_word: re.Pattern
    duration: re.Pattern
    repelled: re.Pattern
    state_locative_at: re.Pattern
    subarea_after_at: re.Pattern
    outskirts_after_at: re.Pattern
    beyond_outskirts: re.Pattern
    inner_edge_at: re.Pattern
    unnamed_holder_after_at: re.Pattern
    exception_at: re.Pattern
    part_words: re.Pattern
    plural_places_at: re.Pattern
    location_verb: re.Pattern
    slot_word: re.Pattern
    adjective_word: re.Pattern
    place_noun_word: re.Pattern
    town_anaphor_at: re.Pattern
    town_anaphor_any: re.Pattern
    focus_anaphor: re.Pattern
    points_back: re.Pattern
    region_anaphor: re.Pattern
    partial_at: re.Pattern
    half_at: re.Pattern
    half_adjective_end: re.Pattern
    most_at: re.Pattern
    outskirts_at: re.Pattern
    landmark_after_at: re.Pattern
    quarter_after_at: re.Pattern
    held_past_word: re.Pattern
    civilian_subject_word: re.Pattern
    quarter_anaphor_at: re.Pattern
    range_gap: re.Pattern  # what stands between the two dates of a span ("to", "til")
    range_opening: re.Pattern  # a date phrase that opens a span ("From August", "between June 2014")
    range_opening_end: re.Pattern  # the same word ending the text before a date phrase
    landmark_before_end: re.Pattern
    region_after_at: re.Pattern
    dateline_at: re.Pattern
    caption: Prefiltered
    declaration: re.Pattern
    contradiction_at: re.Pattern
    contradiction_clause: re.Pattern
    combat: re.Pattern
    share: Prefiltered
    share_lost: re.Pattern
    share_held: re.Pattern


def _trigger(predicate: L.Predicate) -> Trigger:
    return Trigger(predicate.kind, _words(predicate.pattern), predicate.form, predicate.liberation,
                   predicate.passive, predicate.entry)


@lru_cache(maxsize=None)
def grammar(code: str | None) -> Grammar | None:
    """The compiled patterns of language `code`, or None when `geo.lang` has no such language."""
    language = L.for_language(code)
    if language is None:
        return None
    w = language
    triggers = tuple(_trigger(p) for p in w.predicates)
    return Grammar(
        code=w.code,
        triggers=triggers,
        filter=LiteralFilter(t.pattern for t in triggers),
        clause_candidates=re.compile(r"[;:—–“”«»\"-]|\.(?=(?:\[\d+\])+\s)|(?<![\w-])(?:"
                                     + "|".join((w.subordinators, w.coordinators, w.complementizer)) + r")(?![\w])", _I),
        coordinator_word=_whole(w.coordinators),
        inheriting_word=re.compile(r"(?:" + w.inheriting + r"|:|–|—|-)\Z", _I),
        list_join_at=re.compile(r"\s*(?:,\s*(?:" + w.list_joiners + "|" + w.sequel_joiners + r")?|\s+(?:"
                                + w.list_joiners + "|" + w.sequel_joiners + r"))\s+", _I),
        modal_after=_words(w.modal_after),
        reference_date_end=_ending(w.reference_date_before),
        onset=_words(w.onset),
        gerund_topic_word=_whole(w.gerund_topic),
        between=_words(w.between),
        result_label_word=_whole(w.result_label),
        result_summary_word=_whole(w.result_summary),
        future_word=_whole(w.future),
        present_aux_word=_whole(w.present_aux),
        present_verb_word=_whole(w.present_verb),
        region_before_end=_ending(w.region_before),
        needed_for=_words(w.needed_for),
        temporal_opener_word=_whole(w.temporal_openers),
        # The label at the line's start, glued to its first date or not ("Date21–29 February 2016").
        date_label_line=re.compile(r"[-•*\s]*(?:" + w.date_label + r")(?:\s*:\s*|\s+|(?=\d)|(?=(?-i:[A-ZÆØÅ])))", re.IGNORECASE),
        span_open_end=_words(w.span_open_end),
        comparison_since_end=_ending(w.comparison_since),
        collective_participle_gap=re.compile(r",\s*(?:" + w.collective + r")\s+", _I),
        claim_refuted=_words(w.claim_refuted),
        event_name_end=re.compile(r"(?<![\w-])(?:" + w.event_name_before + r")\s+\Z", _I),
        event_name_after_at=re.compile(r"\s*(?:" + w.event_name_after + r")(?![\w])", _I),
        # A sentence's opening up to a town: the adjunct, up to five words, perhaps "Battle of" ("[3] During the
        # 2016 Battle of ", "Under slaget om "), for fullmatch.
        battle_adjunct_opening=re.compile(r"(?:\s*\[\w+\])*\s*(?:" + w.battle_adjunct + r")\s+(?:[\w–-]+\s+){0,5}?"
                                          r"(?:(?:" + w.event_name_before + r")\s+)?"),
        era_opening=re.compile(w.era_opening),
        # "- Result: Rebels capture Abu Kamal, Mayadin, …": an infobox's outcome, of the battle's end, not of today
        result_line=re.compile(r"\s*[-•*]?\s*(?:" + w.result_label + r")\s*:", _I),
        brief_word=_whole(w.brief),
        focus_adverb_word=_whole(w.focus_adverbs),
        praise_end=_ending(w.praise_before),
        force_tail=re.compile(r"\s*(?:" + w.force_tail + r")\s*", _I),
        past_holding_word=_whole(w.past_holding),
        struggle_end=_ending(w.struggle_before + r"(?:\s+(?:the|full|complete|total|den|full|hele))?"),
        attribution_end=_ending(w.attribution),
        handover_end=_ending(w.handover_before + r"(?:\s+(?:the|its|their|full|complete|total|den|full|hele|sin))?"),
        sequel_at=re.compile(r"\s*,?\s*(?:" + w.sequel_joiners + r")\s", _I),
        interposed_at=re.compile(
            r",\s*(?:" + w.relatives + r")\s[^,;.:()]{1,60}(?=,\s*(?:" + w.coordinators + r")\s)"  # ", som er …, og"
            r"|\s+(?:" + w.list_after + r")\s[^,;.:()]{1,40}(?=,\s*(?:" + w.list_joiners + r")\s)"  # "after …, then"
            r"|\s+(?:" + w.source + r")\s[^,;.:()]{1,40}?(?=\s+(?:" + w.source_list_joiners + r")\s)", _I),  # "from ISIL as well as"
        determiner_end=re.compile(r"(?:\b(?:" + w.determiners + r")\s+)\Z", _I),
        possessive_word=_whole(w.possessives),
        date_preposition_at=re.compile(r"(?:" + w.date_prepositions + r")\s+", _I),
        date_preposition_word=_whole(w.date_prepositions),
        destination_end=re.compile(r"(?<![\w-])(?:" + w.destinations + r")\s+(?:(?:" + w.determiners + r")\s+)?\Z", _I),
        # "to safer areas", "into areas": not "to be entirely (in insurgent hands)"
        destination_noun_end=re.compile(r"(?<![\w-])(?:" + w.destinations + "|" + w.destination_noun_prepositions
                                        + r")\s+(?:(?:"
                                        + w.determiners + r")\s+)?(?!(?:" + w.passive_aux + r")\b)(?:[\w-]+\s+){1,2}\Z", _I),
        village_anaphor_at=_at(w.village_anaphor),
        later_word=_whole(w.later),
        anaphoric_time_word=_whole(w.anaphoric_time),
        time_unit_word=_whole(w.time_unit),
        locative_word=_whole(w.locative),
        little_resistance=_words(w.little_resistance),
        holdout=_words(w.holdout),
        inside_town_at=re.compile(r"\s*(?:" + w.inside_town + r")\s+", _I),
        subarea_any=_words(w.subarea_after),
        whole_any=_words(w.whole_before),
        none_word=_whole(w.none_of),
        perfect_aux_word=_whole(w.perfect_aux),
        past_aux=_words(w.past_aux),
        backed_marker=re.compile(w.backed_marker, _I),
        generic_force=_whole(w.generic_forces),
        against_at=re.compile(r"\s*(?:" + w.against + r")\s+(?:(?:" + w.determiners + r")\s+)?", _I),
        of_at=re.compile(r"\s+(?:" + w.of + r")\b", _I),
        that_follower_word=_whole(w.that_followers),
        said_after_and=re.compile(r",\s*(?:(?:" + w.coordinators + r")\s+(?:\w+\s+){0,2}(?:" + w.saying + r")|(?:"
                                  + w.saying_participles + r"))\b", _I),
        complementizer_always=w.complementizer_always,
        pronoun_alone=w.pronoun_alone,
        perfect_is_undated=w.perfect_is_undated,
        subordinator_at=_at(w.subordinators),
        relative_word=_whole(w.relatives),
        complementizer_word=_whole(w.complementizer),
        saying_word=_whole(w.saying),
        passive_aux_word=_whole(w.passive_aux),
        agent_at=_at(w.agent),
        agent_end=_ending(w.agent + r"(?:\s+[\w'’-]+){0,2}"),  # "av de kurdiskdominerte SDF-styrkene"
        noun_link_at=_at(w.noun_links),
        now=_words(w.now),
        verb_second=w.verb_second,
        # What may stand between two forces of one coordinated subject: "YPG militia and allied rebel groups".
        # A partner joined to a subject that follows its verb: " og allierte stammemilitser".
        subject_partner_at=re.compile(r"\s+(?:" + w.list_joiners + r")\s+(?:[^\W\d_][\w-]*\s+)?[^\W\d_][\w-]*(?=\s)", _I),
        # An apposition naming the kind of place before a relative clause that leaves out its pronoun:
        # ", the border town [that] the YPG retook".
        contact_apposition_end=re.compile(r",\s+(?:" + w.determiners + r")\s+(?:[\w-]+\s+){0,3}?(?P<noun>[\w-]+)\s+"
                                          r"(?:(?:" + w.determiners + r")\s+)?\Z", _I),
        # A region's own words ("province", "this year") up to ", including" and the towns it lists.
        including_list=re.compile(r",\s*(?:" + w.including + r")\s+", _I),
        including_after=re.compile(r"(?:-\w+|\s+[\w-]+){0,3}\s*,\s*(?:" + w.including + r")\s+", _I),
        coordinated_force_gap=re.compile(r"[\s,]*(?:(?:" + w.force_heads + r")\s+)?(?:(?:" + w.list_joiners + r"|"
                                         + w.coordinators + r"|&)\s+(?:(?:" + w.determiners + r")\s+)?(?:[\w-]+\s+){0,2}"
                                         r"|(?:[\w-]+\s+)?)", _I),
        mop_up=re.compile(r"(?<![\w-])(?:" + w.mop_up + r")(?![\w])", _I),
        clause_shift=re.compile(r"(?<![\w-])(?:" + w.clause_shift + r")(?![\w])", _I),
        fighting_span_at=re.compile(r"(?:" + w.after_phrase + r")\s+(?:" + w.fighting_span + r")\b", _I),
        counted_back_end=re.compile(r"(?<![\w-])(?:" + w.counted_back + r")\s*\Z", _I),
        period_in_which_at=re.compile(w.period_in_which, _I),
        # The head noun between a force's name and its restrictive relative clause: "IS fighters who had held".
        force_head_gap=re.compile(r"-?(?:\s*(?:" + w.force_heads + r"))\s*", _I),
        out_of_at=_at(w.out_of),
        source_end=_ending(w.source),
        source_window_end=re.compile(r"(?<![\w-])(?:" + w.source + r")(?![\w])(?:\s+\S+){0,8}\s*\Z", _I),
        out_of_lead=re.compile(r"\s*(?:" + w.source + "|" + w.out_of + r")(?![\w])", _I),
        beneficiary_end=re.compile(r"(?<![\w-])(?:" + w.beneficiary + r")\s+(?:\S+\s+){0,1}\Z", _I),
        noun_link_lead=re.compile(r"\s*(?:" + w.noun_links + r")(?![\w])", _I),
        partial_any=_words(w.partial),
        half_any=_words(w.half),
        most_any=_words(w.most),
        source_word=_words(w.source),
        source_at=re.compile(r"(?:" + w.source + r")\s+(?:(?:" + w.determiners + r")\s+)?", _I),
        beneficiary_at=_at(w.beneficiary),
        backed_by=_words(w.backed_by),
        backing_verb_after=re.compile(r"\s+(?:har\s+|has\s+|have\s+)?(?:" + w.backing_verbs + r")(?![\w])", _I),
        not_agent_end=_ending(w.not_agent_before),
        absolute_end=_ending(w.absolute_before),
        pronoun_word=_whole(w.pronouns),
        subject_pronoun_word=_whole(w.subject_pronouns),
        modal_end=_ending(w.modal_before),
        factual_end=_ending(w.factual_before),
        ordinal_end=_ending(w.ordinal_before),
        aims=_words(w.aims),
        until_end=_ending(w.until),
        until_word=_words(w.until),
        # "until" opening the clause the predicate ends, no comma between: "til Baghuz er befridd"
        until_clause_end=re.compile(r"(?<![\w-])(?:" + w.until + r")\s+(?:[^\s,;:]+\s+){0,5}\Z", _I),
        relative_time=re.compile(r"(?<![\w-])(?:" + w.relative_time + r")"),
        retaking_word=_whole(w.retaking),
        summary_opening=re.compile(w.summary_opening, _I),
        reference_end=re.compile(r"(?<![\w-])(?:" + w.reference_before + r")\s+\Z", _I),
        relative_span=re.compile(r"(?<![\w-])(?:" + w.relative_span + r")(?![\w])", _I),
        participle_word=_whole(w.participle),
        gerund_word=_whole(w.gerund),
        conditional=_words(w.conditional),
        conditional_start=re.compile(r"\A\W*(?:" + w.conditional_start + r")(?![\w])", _I),
        negation_word=_whole(w.negation_before),
        negation_end=_ending(w.negation_before),
        negation_after_word=_whole(w.negation_after),
        denial=_words(w.denial),
        denied_after=_words(w.denied_after),
        denied_back_after=re.compile(r"(?<![\w-])(?:" + w.denied_object + r")\s+(?:" + w.denied_after + r")(?![\w])", _I),
        denial_back=re.compile(r"(?<![\w-])(?:" + w.denial + r")\s+(?:" + w.denied_object + r")(?![\w])", _I),
        background=_words(w.background),
        pluperfect_word=_whole(w.pluperfect),
        base_form_word=_whole(w.base_forms),
        participle_form_word=_whole(w.participle_forms),
        participle_after_end=_ending(w.participle_after),
        expectation_end=_ending(r"(?:" + w.expectation + r")(?:\s+\S+){0,3}"),
        holding_ends=_words(w.holding_ends),
        still=_words(w.still),
        unopposed=_words(w.unopposed),
        withdrawal=_words(w.withdrawal),
        entry_after_word=_whole(w.entry_after),
        progressive_end=_ending(w.progressive_before),
        extent=re.compile(r"(?<![\w-])(?:" + w.extent + r")(?![\w])", _I),
        facility_before_end=_ending(r"(?:" + w.town_facilities + r")(?:\s+complex)?\s+(?:in|of|at|i)"
                                   r"(?:\s+the\s+(?:city|town)\s+of)?"),
        facility_after_at=re.compile(r"(?:['’]s)?\s*(?:" + w.town_facilities + r")(?![\w])", _I),
        let_in_end=re.compile(r"(?:" + w.let_in + r")\Z", _I),
        let_in_after_at=re.compile(w.let_in_after, _I),
        participle_article_end=_ending(w.participle_articles),
        unit_subject_at=_at(r"(?!(?:" + w.possessives + "|" + w.speaker_possessives + r")\b)"
                            r"(?:[\w-]+\s+){0,2}?(?:" + w.units + r")"),
        withdrawal_area_at=_at(w.withdrawal_area),
        present_passive_word=_whole(w.present_passive),
        forecast=_words(w.forecast),
        unreal_cue=_words(w.unreal_cue),
        failed_cue=_words(w.failed_cue),
        cue_source_at=re.compile(w.cue_source, _I),
        some_end=re.compile(r"(?<![\w-])(?:" + w.some + r")\s+(?:\S+\s+)?\Z", _I),
        after_phrase_word=_whole(w.after_phrase),
        locative_after_at=re.compile(r"\s+(?:" + w.locative_after + r")(?![\w])"),
        time_shift_word=_whole(w.time_shift),
        agent_word=_whole(w.agent),
        remainder=_words(w.remainder),
        negation_any=_words(r"no|ingen|" + w.negation_before),
        member_of=re.compile(r"(?:the\s+|some\s+|[\d,]+\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + w.member_of + r")\s*", _I),
        partial_adverb_end=re.compile(r"(?<![\w-])(?:" + w.partial_adverb + r")\s+\Z", _I),
        duration=_words(w.duration),
        repelled=_words(w.repelled),
        adverb_word=_whole(w.adverbs),
        state_locative_at=_at(w.state_locative),
        subarea_after_at=re.compile(r"['’]?s?\s+(?:" + w.subarea_after + r")(?![\w])", _I),
        outskirts_after_at=re.compile(r"['’]?s?\s+(?:" + w.outskirts_after + r")(?![\w])", _I),
        beyond_outskirts=_words(w.beyond_outskirts),
        inner_edge_at=re.compile(r"\s*(?:" + w.inner_edge + r")\s", _I),
        unnamed_holder_after_at=re.compile(w.unnamed_holder_after, _I),
        exception_at=re.compile(w.exception_after, _I),
        part_words=re.compile(w.part_words, _I),
        location_verb=_words(w.location_verbs),
        plural_places_at=re.compile(r",\s+(?:[\w'’-]+\s+){0,2}?(?:" + w.plural_place_nouns + r")(?:\s+of)?\s+", _I),
        slot_word=_whole(w.slot_words),
        adjective_word=re.compile(r"(?:" + w.adjective + r")\Z"),  # lower-case only: capitals are names
        place_noun_word=_whole(w.place_nouns),
        town_anaphor_at=_at(w.town_anaphor),
        town_anaphor_any=_words(w.town_anaphor),
        focus_anaphor=_words(w.focus_anaphor),
        points_back=_words("|".join((w.town_anaphor, w.focus_anaphor, w.pronouns))),
        region_anaphor=_words(w.region_anaphor),
        partial_at=_at(w.partial),
        half_at=_at(w.half),
        half_adjective_end=_ending(w.half_adjective),
        most_at=_at(w.most),
        outskirts_at=_at(w.outskirts),
        # A genitive before the noun too: "Mosul's airport", "Manbij's countryside".
        landmark_after_at=re.compile(r"(?:['’]s)?\s*(?:" + w.landmark_after + r")(?![\w])", _I),
        landmark_before_end=_ending(w.landmark_before),
        # ("and Daraiya": the quarter's name coordinated with another one before the noun they share)
        quarter_anaphor_at=_at(w.quarter_anaphor),
        held_past_word=_whole(w.held_past),
        civilian_subject_word=_whole(w.civilian_subject),
        range_gap=re.compile(r"\s*(?:" + w.dates.range_join + r")\s*\Z", _I),
        range_opening=re.compile(r"(?:" + w.dates.range_start + r")\s", _I),
        range_opening_end=_ending(w.dates.range_start),
        quarter_after_at=re.compile(r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s+(?i:" + w.quarter_after
                                    + r")(?![\w])(?!\s+of\b)"),
        region_after_at=re.compile(r"(?:['’]s)?\s*(?:" + w.region_after + r")(?![\w])", _I),
        dateline_at=re.compile(r"\s*(?:" + w.dateline + r")"),
        caption=Prefiltered(re.compile(w.caption, _I)),
        declaration=_words(w.declaration),
        contradiction_at=re.compile(r"\A\W*(?:" + w.contradiction + r")(?![\w])", _I),
        contradiction_clause=re.compile(r",\s*(?:" + w.contradiction + r")(?![\w])", _I),
        combat=_words(w.combat),
        share=Prefiltered(re.compile(w.share, _I)),
        share_lost=_words(w.share_lost),
        share_held=_words(w.share_held),
    )


#: Every language's triggers, by language code.
TRIGGERS: dict[str, tuple[Trigger, ...]] = {code: grammar(code).triggers for code in L.available()}
