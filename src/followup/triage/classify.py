"""One label per item, from how the answer treats each part of the question.

The question is split into its parts (`questions.asks`), the answer into clauses
(`clauses.cut`), and each part is judged on its own (`judge.judge`): given, refused, deferred,
passed on, made conditional, talked around (evasive) or not touched (nothing).  The label
follows the labelling guide (shared/labels.md), step by step:

1. unanswered  — no answer text; or an answer that touches none of the parts.
2. conditional — a clause says "yes, if …" (「…であれば、ご理解のとおり」): the apparent yes
   is only as good as the unstated condition, so it is pressed even when the rest looks
   complete.
3. answered    — every part given.  A decision is an answer without a reason (「設置する予定は
   ありません」), also when a 準備/検討 of something else follows the clear no; another body
   named *and* the respondent's own substance is an answer; 「何ゆえ把握していないのか」 is
   answered by 「…必要がないことから、把握していない」 (the question anticipates the gap).
   Hard negatives stay answered: closing formulas after the facts (「ご理解をお願いいたします」),
   「一概にお答えすることは困難であるが、」 followed by the figure, 「〇月に公表する予定」 to
   「いつ」, 「検討中」 when asked what the body is doing, an offer 「〜いただければ」 after a
   full answer, the step asked for promised with its date even when softened
   (「9月下旬に工事を開始し…終えるよう努めてまいります」).  A decision after the postponement it
   ends is the last word (「協議を行っておりますが、…難しいと判断しています」); so is the answer
   after an unsettled point conceded in the same sentence (「何年とまではまだ決まっていないが、
   …までとなる見込みです」); a clause that refuses yet itself says no is a no (「…したことが
   あるのか」→「…した事例については承知していない」).
4. partial     — some parts given, others refused, deferred, passed on, talked around or
   not touched (「把握していない」 for one part of several); also a sentence that withholds
   one of the things a question bundles (「…の総数は把握していない。また、現在は…人である」),
   and a copy cut off after some parts were answered, or cut before it gives anything when
   nothing evasive has been said yet (a sub-answer that starts and is cut); also a
   postponement of a point named inside the sentence that gives another (「男女別は公表の
   とおりであり、市町村別に関しては、現在集計中」).  The parts not given are named in `unanswered`.
5. When no part is given, the first explicit move decides: declined (refuses, including
   「把握していないため…困難」 as the whole, 「お答えする立場にない」「コメントする予定はない」),
   deferred (「検討してまいります」 to a request to act, 「準備中」; a refusal *because of* a
   postponement, 「点検中のため回答を差し控えます」, or for now with the answer promised for a
   later occasion, 「現在は回答しない。秋の集会で回答する」), deflected (another body named as 所管,
   管理 or 判断主体, the matter passed on, or only another body's position relayed).
6. conditional — an offer on a condition (「教えていただければ確認します」) and nothing else.
7. evasive     — something said, but not what was asked: a formula (「適切に対応してまいります」
   「参考にさせていただきます」), a statement beside the point, no yes or no to a yes/no
   question, 「意味するところが必ずしも明らかではないが」 followed by a generality (after that
   opening a yes/no question needs an outright yes or no).

A reply written down as one quotation (「答えられない。」（課長より電話で回答）) is judged on
its words, without the attribution.

These steps are `read_by_rules`.  `classify` then checks their reading against a model of how
labelled replies are worded (`resemblance`), which may decide only where the rules presumed:
an answer taken as given with no recognised giving of the kind asked may become evasive, an
evasion inferred from silence may become answered, and a recognised answer may be marked
要確認; a verdict on a recognised move is never changed.

Each verdict carries its trigger (the sentence that decided it), reasons in Japanese saying
which part got which treatment, and a confidence: low when the label rests on a presumption
(an answer taken as given with no recognised giving of the kind asked, an evasion inferred
from the absence of an answer), so that nothing is silently called answered.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from followup.align import similarity
from followup.labels import LABELS, Label
from followup.numbering import match_marker
from followup.records import Item, Record
from followup.textnorm import CJK_GAP, squeeze_cjk_spaces
from followup.triage.clauses import (
    Piece,
    cut,
    cut_off,
    ends_as_sentence,
    ends_as_statement,
    goes_on,
    in_house_style,
    sentence_of,
)
from followup.triage.judge import EVERY_POINT_ASKED, STRONG, Judged, judge, strengths
from followup.triage.lexicon import WORD, Lexicon
from followup.triage.questions import Ask, asks, asks_only_whether_known, split_subquestions
from followup.triage.resemblance import load_model, reconsider
from followup.triage.verdict import PRESUMED_EVASION, Clause, ClauseRole, Part, Treatment, Verdict

KIND_NEEDS = {
    "why": "理由",
    "when": "時期・日付",
    "quantity": "数量",
    "how": "方法",
    "who": "主体・名称",
    "yes_no": "「はい」か「いいえ」",
    "breakdown": "内訳",
    "choice": "どちらなのか",
    "view": "見解",
    "doing": "取組・状況",
    "request": "求めた対応をするか否か",
}
_LABEL_OF: dict[Treatment, Label] = {
    "refuses": Label.DECLINED,
    "defers": Label.DEFERRED,
    "passes_on": Label.DEFLECTED,
    "conditional": Label.CONDITIONAL,
    "evasive": Label.EVASIVE,
    "nothing": Label.UNANSWERED,
}
_EXPLICIT: tuple[Treatment, ...] = ("refuses", "defers", "passes_on")
_ROLE_OF_MOVE: dict[str, ClauseRole] = {
    "refuses": "refuses",
    "not_known": "refuses",
    "defers": "defers",
    "passes_on": "passes_on",
    "relays": "passes_on",
    "other_body": "passes_on",
    "conditional": "conditional",
    "offer": "conditional",
    "formula": "formula",
    "refers": "formula",
    "hedge": "formula",
    "unclear": "formula",
    "stance": "beside",
}
_BIGRAM_CHARS = re.compile(r"[一-龥ァ-ヴー]")
_TOPIC = re.compile(
    r"^(?:[^、。]{0,6}、)?(?:お尋ねの|御指摘の|ご指摘の)?([^、。]{2,40}?)(?:について|に関して|につきまして|に関しまして)(?:は)?、"
)
# A point named anywhere in a clause: 「…生死別数は発表のとおりであり府県別に関しては、現在整理中」
_NAMED = re.compile(r"([^、。]{2,40}?)(?:について|に関して|につきまして|に関しまして)(?:は)?、")
_SAYS_SOMETHING = re.compile(r"[一-龥ぁ-んァ-ヴーA-Za-z0-9０-９Ａ-Ｚａ-ｚ]")
_NO_ANSWER = re.compile(
    r"[※＊*]?[(（【\[]?(?:(回答|応答|返答|返信|記載|記述)(なし|無し|がありません|はありません)|無回答"
    r"|(答弁|回答)(漏れ|もれ))[)）】\]]?[。]?"
)
# A reply given as quotations, perhaps with who said it before or after (「答えられない。」（課長補佐
# から電話で）, 担当者は「実態をつかむ努力をする」と約束しました): groups write down oral replies so.
_SPEAKER = re.compile(
    r"[^「」。、\n]{1,30}(?:は|が|からは|から|より)、?(?=「)"
    # a transcript's speaker label: 三田会長「…」
    r"|[^「」。、\n]{0,30}(?:会長|社長|副社長|専務|常務|理事長|部長|課長|局長|所長|支社長|駅長|室長|次長|担当者|知事|市長|町長|村長|区長|大臣|長官)(?=「)"
)
_SAID = (
    r"(?:と(?:の|も)?(?:回答|返答|説明|応え|応じ|答え|答弁|述べ|約束|語|話|強調|表明|明言|言明|主張|釈明|弁明|繰り返)"
    r"|と(?:いう|言う)(?:もの|返事|回答|答え))"  # 「…」というものでした
)
_ATTRIBUTION = re.compile(r"\s*(?:[（(][^（()）]*[）)]\s*)?" rf"(?:{_SAID}[^。]{{0,20}}。?)?\s*")
# 「…」「…」, 「…」と回答し、「…」とも述べた: the quotations of one reply
_BETWEEN_QUOTES = re.compile(
    rf"(?:[、\s]*|{_SAID}(?:し|て)?(?:た|ました)?[、。]\s*(?:また|さらに)?、?)(?=「)"
)


_BRACKET_DEPTH = {"「": 1, "」": -1}


def _unquoted(answer: str) -> str:
    """The reply judged on its words when the whole of it is quoted speech: one quotation or
    several in a row, with who said it before or after (a group's report of a meeting).

    The brackets, the speaker and the attribution become spaces of the same width, so clause
    offsets still index `answer`; a quotation that does not end its sentence ends it in place
    of its closing bracket.
    """
    label = _ANSWER_LABEL.match(answer)  # (「回答：「答えられない」」)
    begin = label.end() if label else len(answer) - len(answer.lstrip())
    speaker = _SPEAKER.match(answer, begin)
    at = speaker.end() if speaker else begin
    if not answer.startswith("「", at):
        return answer
    said: list[tuple[int, int]] = []  # the inside of each quotation
    while True:  # one quotation, or several in a row (「…」「…」と原則を説明)
        close = _closing(answer, at)
        if close is None or close - at < 4:
            return answer
        said.append((at + 1, close))
        more = _BETWEEN_QUOTES.match(answer, close + 1)
        if more is None:
            break
        at = more.end()
    if not _ATTRIBUTION.fullmatch(answer, said[-1][1] + 1):
        return answer
    # who said it, the brackets and how it was said are not what was said
    chars = [c if i < begin or c.isspace() else "\u3000" for i, c in enumerate(answer)]
    for low, high in said:
        chars[low:high] = answer[low:high]
        if not answer[low:high].rstrip().endswith("。"):
            chars[high] = "。"  # each quotation its own sentence: 「…難しい」「…検討する」と応じた
    return "".join(chars)


def _closing(answer: str, at: int) -> int | None:
    """Where the quotation opening at `at` closes (quotations may nest)."""
    depth = 0
    for i in range(at, len(answer)):
        depth += _BRACKET_DEPTH.get(answer[i], 0)
        if depth == 0:
            return i
    return None


__all__ = ["KIND_NEEDS", "LABELS", "classify", "classify_record", "dropped_in_restatement"]


def dropped_in_restatement(item: Item) -> list[str]:
    if not item.question or not item.restated:
        return []
    dropped = []
    for sub in split_subquestions(item.question):
        words = WORD.findall(sub)
        if words and all(w in item.restated for w in words):
            continue  # the same words, perhaps in another order
        if len(sub) >= 6 and similarity(sub, item.restated) < 0.6:
            dropped.append(sub)
    return dropped


@dataclass(frozen=True)
class _Reading:
    """The reply as judged, and for each of its characters the offset in the reply as shown."""

    text: str
    shown: str
    at: tuple[int, ...] | None = None  # None: the same text, offset for offset

    def offset(self, start: int) -> int:
        return start if self.at is None else self.at[min(start, len(self.at) - 1)]

    def as_written(self, quoted: str | None) -> str | None:
        """A passage of the reply as read, in the characters the reply was written in."""
        begin = self.text.find(quoted) if quoted else -1
        if not quoted or begin < 0:
            return quoted
        return self.span(begin, begin + len(quoted))

    def span(self, start: int, end: int) -> str:
        return self.shown[self.offset(start) : self.offset(end - 1) + 1]

    def quotes_as_written(self, sentence: str | None) -> str | None:
        """A reason with each passage it quotes from the reply put back as the reply wrote it."""
        if self.at is None or not sentence:
            return sentence
        return _QUOTED.sub(
            lambda m: f"「{_LINE_BREAK.sub('', self.as_written(m.group(1)) or '')}」", sentence
        )


_QUOTED = re.compile(r"「([^「」]+)」")
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")  # (a wrap inside a passage a reason quotes)


def _reading(shown: str) -> _Reading:
    """The reply as judged: in 「、。」; without a space between two Japanese characters or a
    line break inside a sentence, which a wrap in a PDF, fax or OCR copy leaves (「制 限を設け」
    「差し控\nえたい」) and `import` drops too; without the label a page puts before it
    (「（回答）」); and with the 。 a line that ends as a sentence left out.  Hard-wrapped every
    35 characters, the tuning part keeps 1932 of its 1936 right labels, against 1811 when
    every line break ended a sentence (`benchmarks/triage_formats.py`)."""
    text = in_house_style(shown)
    gaps = _gaps(text)
    stops = _stops_left_out(text, gaps)
    kana = _KANJI_SPELLING.search(text)
    if not gaps and not stops and not kana:
        return _spelled_out(_Reading(text, shown))
    read = [(text[i], i) for i in range(len(text)) if i not in gaps]
    for end in reversed(stops):  # (from the last, so the places before stay put)
        place = bisect_left(read, end, key=lambda pair: pair[1])
        if place:
            read.insert(place, ("。", read[place - 1][1]))  # (shown as the character before it)
    if kana:
        read = _in_kana(read)
    return _spelled_out(_Reading("".join(c for c, _ in read), shown, tuple(i for _, i in read)))


# The kanji spellings of the words the phrases are written in kana (「頂きます」「出来ません」
# 「致します」「検討している所です」「その為、」「する事は」): read in kana, each kana shown as the
# kanji it stands for.
_KANA_FOR = {
    "頂": "いただ",
    "出来": "でき",
    "致": "いた",
    "下さ": "くださ",
    "居り": "おり",
    "為": "ため",
    "所": "ところ",
    "事": "こと",
}
_KANJI_SPELLING = re.compile(  # (each alternative opens on its kanji, which a search finds fast)
    r"頂(?<![一-龥]頂)(?=[きくけいかこ])|出来(?<![一-龥]出来)(?=[るずなまれてたかしよ])|致(?<![一-龥]致)(?=[しすさせ])"
    r"|下さ(?<![一-龥]下さ)(?=[いる])|居り(?<![一-龥]居り)(?=[まそ])"
    r"|為(?<=[のるたい]為)(?=[、にの。])|所(?<=[のるたい]所)(?=で|だ|、|。)|事(?<=[のるたい]事)(?=[がはをもにでと、。])"
)


def _in_kana(read: list[tuple[str, int]]) -> list[tuple[str, int]]:
    text = "".join(c for c, _ in read)
    out: list[tuple[str, int]] = []
    last = 0
    for m in _KANJI_SPELLING.finditer(text):
        out.extend(read[last : m.start()])
        out.extend(
            (kana, read[m.start() + min(k, len(m.group(0)) - 1)][1])
            for k, kana in enumerate(_KANA_FOR[m.group(0)])
        )
        last = m.end()
    out.extend(read[last:])
    return out


def _gaps(text: str) -> set[int]:
    """The characters not read: the spaces and line breaks of a wrap, and a leading 「回答：」."""
    gaps: set[int] = set()
    if " " in text or "\t" in text:
        gaps.update(i for m in CJK_GAP.finditer(text) for i in range(m.start(), m.end()))
    if "\n" in text:
        gaps.update(i for m in _WRAP.finditer(text) if _wrapped(text, m) for i in range(m.start(), m.end()))
    label = _ANSWER_LABEL.match(text)
    if label:
        gaps.update(range(label.end()))
    return gaps


def _stops_left_out(text: str, gaps: set[int]) -> list[int]:
    """Where a line (or the reply) ends as a sentence does but without its 。 (「…予定です」 in a
    table cell or a web form): the stop the phrases that need it (「…ある。」) read there."""
    out = []
    begin = 0
    while begin <= len(text):
        line_end = text.find("\n", begin)
        line_end = len(text) if line_end < 0 else line_end
        end = len(text[begin:line_end].rstrip(" \t\u3000")) + begin
        open_end = end > begin and line_end not in gaps and text[end - 1] not in _STOPS
        if open_end and ends_as_sentence(_squeezed_before(text, end, begin)):
            out.append(end)
        begin = line_end + 1
    return out


def _squeezed_before(text: str, end: int, begin: int = 0) -> str:
    """The last words before `end`, without the spaces of an OCR copy (「受 け て い ま す」)."""
    return squeeze_cjk_spaces(text[max(end - 24, begin) : end])


_STOPS = frozenset("。．.！!？?」』）)】]")  # (a closing bracket ends a line as it is)


# The label a page puts before the reply (「（回答）」「【回答】」「回答：」「A.」「答弁」 on a line of its
# own): not part of what the reply says.
_ANSWER_LABEL = re.compile(
    r"\s*(?:[（(【〔［\[<＜]\s*(?:回答|答弁|答え|答|[AＡ])\s*[0-9０-９]*\s*[）)】〕］\]>＞]\s*[:：]?"
    r"|(?:回答|答弁|答え|答|[AＡ])\s*[0-9０-９]*\s*(?:[:：]|[.．](?![0-9０-９])|(?=\n)))\s*"
)
_NEW_POINT = ("・", "※", "○", "●", "◯", "◎", "■", "□", "◆", "◇", "【", "- ", "－", "＊", "(中略)", "（中略）")
# A line break inside a sentence, left by the wrap of a PDF, fax or OCR copy: after a character
# that cannot end a sentence, before one that goes on with it.
_WRAP = re.compile(r"(?<=[^。．.！!？?」』）)】〕:：\s])[ \t\u3000]*\n[ \t\u3000]*(?=\S)")


def _wrapped(text: str, gap: re.Match[str]) -> bool:
    line_end = text.find("\n", gap.end())
    following = text[gap.end() : line_end if line_end >= 0 else len(text)]
    if ends_as_statement(_squeezed_before(text, gap.start())) and not goes_on(following):
        return False  # 「…要請を受けています」 with its 。 left out
    return match_marker(following) is None and not following.startswith(_NEW_POINT)


# The summary style of assembly newsletters and minutes ends a statement on the verbal noun
# (「…呼び出し機能を導入。」「対応を検討。」「…約3600カ所を確保。」): read with its verb
# (「導入する。」), as the full text would have it, so that the act or the postponement counts.
_SUMMARY_ACT = re.compile(
    r"(?<=[をにもへ])(?:[一-龥]{1,3}に|[一-龥]{2}(?=[一-龥]{2}[。、]))?"
    r"(?:導入|設置|確保|実施|開始|検討|整備|推進|支援|強化|拡充|増設|新設|創設|開設|指定|配置|策定|展開"
    r"|促進|充実|改善|要請|周知|啓発|対応|構築|着手|完了|継続|拡大|作成|公表|配布|徹底|検証|調査|協議"
    r"|連携|措置|計上|補助|助成|派遣|設定|運用|活用|実現|増員|配備|再開|延長|見直し)"
    r"(?=[。]|、(?![^。]{0,3}(?:等|など)))"
)


_NOUN_THEN_STOP = re.compile(r"[一-龥]。")  # (a cheap first look: most sentences end in kana)


def _spelled_out(reading: _Reading) -> _Reading:
    text = reading.text
    if not _NOUN_THEN_STOP.search(text) or not _SUMMARY_ACT.search(text):
        return reading  # (most replies: no summary style)
    chars: list[str] = []
    at: list[int] = []
    last = 0
    for m in _SUMMARY_ACT.finditer(text):
        chars.append(text[last : m.end()])
        at.extend(reading.offset(i) for i in range(last, m.end()))
        verb = "する" if text[m.end()] == "。" else "し"
        chars.append(verb)
        at.extend([reading.offset(m.end() - 1)] * len(verb))
        last = m.end()
    chars.append(text[last:])
    at.extend(reading.offset(i) for i in range(last, len(text)))
    return _Reading("".join(chars), reading.shown, tuple(at))


def classify(item: Item, lexicon: Lexicon) -> Verdict:
    """The label of one item, with its trigger, reasons, parts, clauses and confidence: the
    rules' reading, turned where its resemblance to labelled replies disagrees (`resemblance`)."""
    return reconsider(read_by_rules(item, lexicon), item, load_model())


def read_by_rules(item: Item, lexicon: Lexicon) -> Verdict:
    """The rules' reading alone: what the labelling guide's steps make of the phrases."""
    written = item.answer or ""
    shown = _unquoted(written)  # not stripped: clause offsets index item.answer
    reading = _reading(shown)
    if shown != written:  # what the clauses and the trigger quote is the reply as written
        reading = _Reading(reading.text, written, reading.at or tuple(range(len(written))))
    answer = reading.text
    if not _SAYS_SOMETHING.search(answer) or _NO_ANSWER.fullmatch(answer.strip()):
        return Verdict(item.ref, Label.UNANSWERED.value, None, ["回答書にこの質問への回答がありません。"])
    pieces = cut(answer, lexicon)
    parts, judged = _judge_parts(item, pieces, lexicon)
    label, deciding = _mix(pieces, judged)
    cut_short = cut_off(answer)
    reasons, unanswered = _explain(label, parts, judged, item, deciding)
    # a reply cut off in the copy at hand is judged on its visible text: a sub-answer that
    # starts and is cut is partial
    stopped = _stopped_part(label, parts, judged) if cut_short and not _cut_in_closing(answer) else None
    if stopped is not None:
        label, unanswered = Label.PARTIAL, [stopped.text]
        reasons = [f"「{_name(stopped, parts)}」への回答が途中で切れています。"]
    if cut_short:
        reasons.append("回答の写しが途中で切れており、見えている部分だけで判定しています。")
    return Verdict(
        ref=item.ref,
        label=label.value,
        trigger=reading.as_written(_trigger(answer, label, deciding, pieces)),
        reasons=[reading.quotes_as_written(r) or r for r in reasons],
        unanswered=unanswered if label != Label.ANSWERED else [],
        confidence=min(_confidence(label, judged, pieces), 0.55 if cut_short else 1.0),
        parts=[_part(ask, j, parts, reading) for ask, j in zip(parts, judged, strict=True)],
        clauses=_clauses(pieces, judged, item.asked, reading),
    )


def _ties_of(piece: Piece, parts: list[Ask]) -> set[int]:
    """The parts a clause names by their own words."""
    if piece.move in ("refuses", "defers") and EVERY_POINT_ASKED.search(piece.text):
        return set(range(len(parts)))
    return {i for i, p in enumerate(parts) if any(t in piece.text for t in p.terms)}


def _judge_parts(item: Item, pieces: list[Piece], lexicon: Lexicon) -> tuple[list[Ask], list[Judged]]:
    """The parts of the question, each with its treatment in the answer."""
    parts = asks(item.asked, lexicon) or [Ask(item.asked, (), frozenset(), None, (), 0)]
    ties = [_ties_of(piece, parts) for piece in pieces]
    given = strengths(parts, pieces, lexicon)
    judged = [judge(i, parts, pieces, ties, given) for i in range(len(parts))]
    judged = _drop_restated(parts, judged, dropped_in_restatement(item))
    judged = _known_if_told(parts, _premise_denied(parts, _fallen_away(parts, judged), pieces))
    asked_for = _asked_for(parts)
    withheld = _withheld(pieces, judged, item.asked, asked_for)
    if withheld is not None:  # every part asked looks given, yet a sentence withholds something
        parts = [*parts, Ask(_topic(withheld.piece, asked_for), (), frozenset(), None, (), len(parts))]
        judged = [*judged, withheld]
    return parts, judged


# 「…文書があるか。ある場合は列挙されたい」「…配布を行っているのか、配布しているなら…」:
# details asked for only if the answer is yes.
_IF_THERE_ARE = re.compile(
    r"^(?:(?:ある|あれば|あった|存在する)(?:場合|とすれば|ならば|なら)?"
    r"|[^、。]{0,12}?(?:(?:して|行って|行なって|実施して)(?:いる|おる|いた|おった)|した|行った|行なった|実施した)(?:場合|とすれば|ならば|なら|のであれば|のなら))"
    r"(?:は|には)?[、,]?"
)
_NONE = re.compile(
    r"(ない|なく|ありません|ございません|存在しない|見当たらない|なし|(て|で)(おりません|いません|おらず))"
    # 「…把握していないため、」: the none leads into the refusal it explains
    r"(ため|ことから|ので)?[。、]?$"
)


# 「明確な基準はあるのか。ない場合、…基準を設けるべきではないのか」: asked only if the answer is no.
_IF_THERE_ARE_NONE = re.compile(
    r"^(?:ない|無い|なければ|無ければ|存在しない|存在しなければ)(?:場合|とすれば|ならば|なら|のであれば)?(?:は|には)?[、,]"
)


# 「廃止されたとするならば、その経緯を…」: the follow-up supposes one answer to the question before.
_SUPPOSING = re.compile(r"^[^、。]{1,30}?(とするならば|とすれば|とするなら|のであれば|のならば)[、,]")

# 「…基準は存在するか」: whether there is one, even when a question word sits inside the noun
# clause (「どの懲罰を適用するかについての選択基準は存在するか」).
_ASKS_WHETHER_THERE_IS = re.compile(
    r"(ある|あります|存在する|存在します)(の)?(か|でしょうか|ですか)[。？?]?$"
)


def _fallen_away(parts: list[Ask], judged: list[Judged]) -> list[Judged]:
    """A follow-up that holds only if something exists falls away when the answer says none,
    and one that holds only if nothing exists (「ない場合、…」) when the answer names what
    exists; given, a follow-up says yes to the question it hangs on (「報告しているか。報告して
    いるならば到着日を明らかにされたい」→「…午後十一時三十六分に受信した」)."""
    out = list(judged)
    for i in range(1, len(parts)):
        before, after = out[i - 1], out[i]
        whether = parts[i - 1].is_yes_no or bool(_ASKS_WHETHER_THERE_IS.search(parts[i - 1].text))
        if not whether:
            continue
        if before.treatment == "gives" and before.piece is not None:
            none = bool(_NONE.search(before.piece.text.rstrip()))
            if (_IF_THERE_ARE.match(parts[i].text) and none) or (
                _IF_THERE_ARE_NONE.match(parts[i].text) and not none
            ):
                out[i] = Judged("gives", before.piece, before.strength)
            continue
        supposes = _IF_THERE_ARE.match(parts[i].text) or _SUPPOSING.match(parts[i].text)
        if supposes and after.treatment == "gives" and before.treatment in ("evasive", "nothing"):
            out[i - 1] = Judged("gives", after.piece, after.strength)
    return out


def _known_if_told(parts: list[Ask], judged: list[Judged]) -> list[Judged]:
    """Asked for a figure and whether it is known (「…どれだけの割合で含まれていたのか、政府として
    把握していたか」), the figure given says it is known."""
    out = list(judged)
    for i in range(1, len(parts)):
        before = out[i - 1]
        told = before.treatment == "gives" and before.strength >= STRONG and before.piece is not None
        if told and out[i].treatment != "gives" and asks_only_whether_known(parts[i].text):
            out[i] = before
    return out


def _premise_denied(parts: list[Ask], judged: list[Judged], pieces: list[Piece]) -> list[Judged]:
    """「方針変更があったとすれば、いつ、誰が、どのように決めたのか」→「…意思決定を行ったことは
    ない」: a question that supposes something is answered whole by a no to what it supposes,
    for every kind it asks (when, who, how)."""
    out = list(judged)
    # (the parts split from one sub-question share its text and stem)
    supposing = {ask.sub: ask.stem for ask in parts if ask.stem and _SUPPOSING.match(ask.text)}
    for sub, stem in supposing.items():
        denial = next(
            (p for p in pieces if p.move is None and stem in p.text and _NONE.search(p.text.rstrip())), None
        )
        if denial is not None:
            for i, other in enumerate(parts):
                if other.sub == sub:
                    out[i] = Judged("gives", denial, STRONG)
    return out


def _drop_restated(parts: list[Ask], judged: list[Judged], dropped: list[str]) -> list[Judged]:
    """A part the reply left out of its quotation of the question is not answered by it."""
    if not dropped:
        return judged
    return [
        Judged("nothing", None, 0.0) if a.text in dropped and j.treatment == "gives" else j
        for a, j in zip(parts, judged, strict=True)
    ]


def _withheld(
    pieces: list[Piece], judged: list[Judged], question: str, asked_for: list[re.Pattern[str]]
) -> Judged | None:
    """A refusal (or a postponement of a named point) in a sentence that gives nothing asked,
    when every part looks given: 「…支給された者の数は把握していない。また、現在…は10万人である」
    answers one of two things the question bundled, which makes the reply partial."""
    if any(j.treatment != "gives" for j in judged):
        return None
    giving = {j.piece.sentence for j in judged if j.piece is not None}
    conceded = _conceded_sentences(pieces)
    for piece in pieces:
        if piece.sentence not in conceded and _withholds(piece, giving, judged, question, asked_for):
            treatment: Treatment = "defers" if piece.move == "defers" else "refuses"
            return Judged(treatment, piece, 0.0)
    return None


# The noun a postponement names when it puts off what a kind of question asks for: 「現時点では
# 再開の時期を話せる状況にありません」 puts off the when, whatever a clause before it said of the
# present state of things (「現在は点検を進めていて」).
_KIND_NOUNS: dict[str, re.Pattern[str]] = {
    kind: re.compile(rf"((?:[一-龥ァ-ヴー]{{1,8}}の)?(?:{nouns}))(?:を|は|が|について|に)")
    for kind, nouns in {
        "when": "時期|日程|時点|期日|目途|めど|目処|見通し|スケジュール",
        "quantity": "件数|人数|金額|総額|数値|数字|規模|額|数",
        "why": "理由|原因|根拠|経緯",
        "who": "名称|氏名|名前|相手方|相手|事業者名|業者名|委託先",
    }.items()
}


def _asked_for(parts: list[Ask]) -> list[re.Pattern[str]]:
    return [
        _KIND_NOUNS[kind] for kind in dict.fromkeys(k for a in parts for k in a.kinds) if kind in _KIND_NOUNS
    ]


def _withholds(
    piece: Piece, giving: set[int], judged: list[Judged], question: str, asked_for: list[re.Pattern[str]]
) -> bool:
    """A refusal apart from the sentences that give; a postponement of a named point may share
    the sentence that gives another, and one that names what the question asks for (its time,
    its number, its reason) may stand apart from them."""
    named = piece.move == "defers" and (
        _NAMED.search(piece.text) is not None
        or (piece.sentence not in giving and any(noun.search(piece.text) for noun in asked_for))
    )
    apart = (
        piece.sentence not in giving
        or (named and all(j.piece is not piece for j in judged))
        or (piece.move == "refuses" and _NOT_ALL.search(piece.text) is not None)
    )
    return (piece.move in ("refuses", "not_known") or named) and apart and _about(piece, question)


# 「匿名で頂戴したため詳細は分かりかねますが、上席者へ報告いたしました」: the limit is conceded
# and the reply goes on to what was done.
_CONCEDED = re.compile(r"(が|けれども|ものの)、\s*$")


# 「お尋ねの事項のすべてについてお答えすることは困難であるが、…は別表のとおりである」: not a
# hedge before the answer (「一概には…」) but a refusal of what the rest leaves out.
_NOT_ALL = re.compile(
    r"(すべて|全て|総て|全部)(の事項|の点)?(について|に(?:ついて)?|を)(は)?、?(お答え|回答|お示し|明らかに|申し上げ)"
)


def _conceded_sentences(pieces: list[Piece]) -> set[int]:
    """Sentences where a refusal or an unsettled point is conceded and the reply goes on in
    the same sentence (「何年とまではまだ決まっていないが、…卒園までとなる見込みです」)."""
    refusing = ("refuses", "not_known", "defers")
    return {
        piece.sentence
        for piece, after in pairwise(pieces)
        if piece.move in refusing
        and _CONCEDED.search(piece.text)
        and not _NOT_ALL.search(piece.text)
        and after.sentence == piece.sentence
        and after.move not in refusing
    }


def _about(piece: Piece, question: str) -> bool:
    """Whether a refusal speaks to this question: a point it names (「お尋ねの…については」)
    must be mostly in the question's words, not another question's of a merged reply."""
    found = _TOPIC.search(piece.text) or _NAMED.search(piece.text)
    if found is None:
        return True
    words = WORD.findall(found.group(1))
    return not words or sum(w in question for w in words) * 2 >= len(words)


def _topic(piece: Piece | None, asked_for: Sequence[re.Pattern[str]] = ()) -> str:
    """The point a withholding clause names: its topic (「…については、」), else what of the
    question's kinds it withholds (「再開の時期」)."""
    if piece is None:
        return "回答の一部"
    found = _TOPIC.search(piece.text) or next((m for n in asked_for if (m := n.search(piece.text))), None)
    return found.group(1) if found else "回答の一部"


def _mix(pieces: list[Piece], judged: list[Judged]) -> tuple[Label, Judged | None]:
    """The item's label from its parts' treatments, by the guide's mixing rules."""
    conditional = next((p for p in pieces if p.move == "conditional"), None)
    if conditional is not None:
        return Label.CONDITIONAL, Judged("conditional", conditional, 0.0)
    rest = [j for j in judged if j.treatment != "gives"]
    if not rest:
        return _partly_left(pieces) or (Label.ANSWERED, None)
    if len(rest) < len(judged):
        if all(j.treatment == "conditional" for j in rest):
            return Label.ANSWERED, None  # an offer of further help after a full answer
        return Label.PARTIAL, _first(rest)
    later = _not_now(pieces)
    if later is not None and all(j.treatment in _EXPLICIT for j in rest):
        return Label.DEFERRED, Judged("defers", later, 0.0)
    return _partly_left(pieces) or _dominant(rest)


# The reply itself says that some of what was asked is left: 「本ガイドラインに記載のないものに
# ついては今後の参考とさせていただきます」「それ以外の点につきましては、検討してまいります」.
_REST = re.compile(
    r"^(?:なお|また|ただし|一方)?、?[^。、]{0,15}?"
    r"(?:(?:それ|これ|上記|前記)以外|その他の(?:点|事項|ご意見|御意見|ご提案|御提案|ご要望|御要望|項目|もの)|残り"
    r"|(?:記載|掲載|該当|対応|規定|言及)(?:の|が)(?:ない|無い|ございません))"
    r"[^。、]{0,12}?(?:につきまして|について|に関して|に関しまして)は"
)
_TREATMENT_OF_REST: dict[str, Treatment] = {
    "defers": "defers",
    "refuses": "refuses",
    "passes_on": "passes_on",
    "formula": "evasive",
}


def _partly_left(pieces: list[Piece]) -> tuple[Label, Judged] | None:
    """「それ以外の点につきましては」 after something else: the reply says it answered the rest."""
    left = _rest_left(pieces)
    return (Label.PARTIAL, left) if left is not None and left.piece is not pieces[0] else None


def _rest_left(pieces: list[Piece]) -> Judged | None:
    """The clause that leaves the rest of the question unmet, after the parts were given."""
    for piece in pieces:
        treatment = _TREATMENT_OF_REST.get(piece.move or "")
        if treatment is not None and _REST.search(piece.text):
            return Judged(treatment, piece, 0.0)
    return None


# 「現在は回答しない。…の場で回答する」: a refusal for now, with the answer promised later,
# is a postponement (the guide's refusal *because of* a postponement).
_FOR_NOW = re.compile(r"現在|現時点|現段階|今の段階|今回は|現状では|当面")


def _not_now(pieces: list[Piece]) -> Piece | None:
    """The deferring clause, when the reply refuses only for now and defers to later."""
    refuses = [p for p in pieces if p.move == "refuses"]
    if not refuses or not all(_FOR_NOW.search(p.text) for p in refuses):
        return None
    return next((p for p in pieces if p.move == "defers" and p.start > refuses[0].start), None)


def _dominant(rest: list[Judged]) -> tuple[Label, Judged]:
    """No part given: the first explicit move stated decides, then an offer, then evasion."""
    for group in (_EXPLICIT, ("conditional",), ("evasive",)):
        chosen = _first([j for j in rest if j.treatment in group])
        if chosen is not None:
            return _LABEL_OF[chosen.treatment], chosen
    return Label.UNANSWERED, rest[0]


def _first(judged: Sequence[Judged]) -> Judged | None:
    """The judged part whose deciding clause comes first in the answer (explicit moves first)."""
    if not judged:
        return None
    explicit = [j for j in judged if j.treatment in _EXPLICIT and j.piece is not None] or list(judged)
    return min(explicit, key=lambda j: j.piece.start if j.piece else 1 << 30)


def _trigger(answer: str, label: Label, deciding: Judged | None, pieces: list[Piece]) -> str | None:
    """The sentence that decided the label, from the clause where its phrase stands."""
    if label == Label.ANSWERED or deciding is None or deciding.piece is None:
        return None
    if label == Label.PARTIAL and deciding.treatment not in _EXPLICIT:
        return None  # nothing to quote: a part was simply not answered
    if deciding.treatment == "evasive" and deciding.piece.move is None:
        return deciding.piece.text.strip(" \u3000。、")
    at = pieces.index(deciding.piece)
    while not pieces[at].hits and at + 1 < len(pieces) and pieces[at + 1].sentence == pieces[at].sentence:
        at += 1  # a reason that leads into the move: quote from the move's own phrase
    if at != pieces.index(deciding.piece):
        return _from_piece(answer, pieces[at])
    return sentence_of(answer, deciding.piece)


def _from_piece(answer: str, piece: Piece) -> str:
    begin = min(h.start for h in piece.hits) if piece.hits else piece.start
    stops = [i for i in (answer.find("。", begin), answer.find("\n", begin)) if i >= 0]
    return answer[begin : min(stops) if stops else len(answer)].strip()


# The words a closing courtesy opens with: 「貴重なご意見…」「ご理解…」 (not 「今後も引き続き…」,
# which as often ends an answer to one part before the next).
_CLOSING_OPENS = re.compile(
    r"^(?:(?:なお|最後に)、)?(?:貴重な|(?:ご|御)意見(?:を|、|あり)|(?:ご|御)理解|(?:ご|御)協力|よろしく|ありがとう)"
)


def _cut_in_closing(answer: str) -> bool:
    """Whether the copy stops in a closing courtesy after the answer, not inside an answer."""
    text = answer.rstrip()
    last = text[max(text.rfind("。"), text.rfind("．"), text.rfind("\n")) + 1 :].strip()
    return bool(_CLOSING_OPENS.match(last))


def _stopped_part(label: Label, parts: list[Ask], judged: list[Judged]) -> Ask | None:
    """The part whose answer a cut copy stops in, when the cut makes the item partial.

    Answered with several parts: the last part asked is the one whose answer stops, unless
    it fell away with a no to the part before (then nothing asked is left to stop in). Evasive
    with nothing evasive said (no formula, no refusal; only no answer yet): the answer had
    started to the first part it has not given when the copy stops.
    """
    if label == Label.ANSWERED and len(parts) > 1:
        fell_away = judged[-1].piece is judged[-2].piece and _IF_THERE_ARE.match(parts[-1].text)
        return None if fell_away else parts[-1]
    if label == Label.EVASIVE and not any(j.piece is not None and j.piece.move is not None for j in judged):
        return next((ask for ask, j in zip(parts, judged, strict=True) if j.treatment != "gives"), parts[-1])
    return None


def _name(ask: Ask, parts: list[Ask]) -> str:
    text = ask.text if len(ask.text) <= 40 else ask.text[:39] + "…"
    shared = sum(1 for p in parts if p.text == ask.text) > 1
    return f"{text}」の「{KIND_NEEDS[ask.kinds[0]]}" if shared and ask.kinds else text


def _phrase(piece: Piece | None) -> str:
    if piece is None:
        return ""
    hit = piece.hit()
    text = (hit.text if hit else piece.text).strip(" \u3000。、")
    return text if len(text) <= 40 else text[:39] + "…"


def _part_reason(ask: Ask, judged: Judged, parts: list[Ask]) -> str | None:
    name, phrase = _name(ask, parts), _phrase(judged.piece)
    needs = "・".join(KIND_NEEDS[k] for k in ask.kinds) or "求めた説明"
    match judged.treatment:
        case "gives":
            return None
        case "refuses":
            return f"「{name}」については「{phrase}」として答えていません。"
        case "defers":
            return f"「{name}」については「{phrase}」として先送りしています。"
        case "passes_on":
            return f"「{name}」については「{phrase}」と他の機関に委ね、自らは答えていません。"
        case "conditional":
            return f"「{name}」については「{phrase}」と条件を付けるだけで、答えていません。"
        case "evasive":
            return f"「{name}」について、{needs}を答えていません(「{phrase}」と述べるだけです)。"
    return f"「{name}」については何も答えていません。"


def _explain(
    label: Label, parts: list[Ask], judged: list[Judged], item: Item, deciding: Judged | None
) -> tuple[list[str], list[str]]:
    """The reasons (which part got which treatment) and the parts not answered."""
    if label == Label.ANSWERED:
        return ["質問に直接答えています。"], []
    reasons = [_conditional_reason(deciding)] if label == Label.CONDITIONAL else []
    dropped = set(dropped_in_restatement(item))
    unanswered: list[str] = []
    for ask, j in zip(parts, judged, strict=True):
        if j.treatment == "gives":
            continue
        if ask.text not in unanswered:
            unanswered.append(ask.text)
        reason = _dropped_reason(ask) if ask.text in dropped else _part_reason(ask, j, parts)
        if reason and reason not in reasons:
            reasons.append(reason)
    move_reason = _move_reason(deciding)
    if move_reason and move_reason not in reasons and label != Label.CONDITIONAL:
        reasons.append(move_reason)
    return reasons or ["質問に答えていません。"], unanswered


def _conditional_reason(deciding: Judged | None) -> str:
    hit = deciding.piece.hit() if deciding is not None and deciding.piece is not None else None
    return hit.reason if hit else "条件付きで認めるだけで、その条件が当てはまるのかを答えていません。"


def _dropped_reason(ask: Ask) -> str:
    return f"回答書は質問の「{ask.text}」の部分を引用から落としており、その点に答えていません。"


def _move_reason(deciding: Judged | None) -> str | None:
    if deciding is None or deciding.piece is None:
        return None
    hit = deciding.piece.hit()
    return hit.reason if hit else None


def _confidence(label: Label, judged: list[Judged], pieces: list[Piece]) -> float:
    """How likely the label is right: the share of such verdicts that were right on pages the
    rules had not seen (`benchmarks/triage_unseen.py`, about 1,000 pairs), rounded down."""
    how = _CONFIDENCE_OF.get(label)
    return how(judged, pieces) if how else 0.8


def _confidence_answered(judged: list[Judged], pieces: list[Piece]) -> float:
    if min(j.strength for j in judged) < STRONG:
        # nothing recognisably gives what was asked: right about 6 times in 10, and 4 in 10
        # of these are dodges, so an organizer should look (kept below UNCERTAIN_BELOW)
        return 0.55
    overridden = any(
        p.move in ("refuses", "not_known", "defers", "passes_on", "relays", "other_body") for p in pieces
    )
    # a refusal or postponement outweighed by the facts given: right 0.88 (n 43); plain: 0.8
    return 0.85 if overridden else 0.8


def _confidence_partial(judged: list[Judged], pieces: list[Piece]) -> float:
    # about half right: the "given" parts are often not really given, or all of them are
    return 0.45


def _confidence_evasive(judged: list[Judged], pieces: list[Piece]) -> float:
    said = any(j.piece is not None and j.piece.move is not None for j in judged)
    # a formula found: right about half the time; only the absence of a recognised answer:
    # right 1 time in 6 (most such replies do answer, in words the rules do not know)
    return 0.5 if said else PRESUMED_EVASION


def _refusal(settled: float) -> Callable[[list[Judged], list[Piece]], float]:
    """Right on unseen pages: declined 0.96 (n 49), deferred 0.78 (n 87), deflected 0.71
    (n 14); parts refused, deferred or passed on in different ways are few and mixed."""

    def confidence(judged: list[Judged], pieces: list[Piece]) -> float:
        return settled if len({j.treatment for j in judged}) == 1 else 0.6

    return confidence


_CONFIDENCE_OF: dict[Label, Callable[[list[Judged], list[Piece]], float]] = {
    Label.ANSWERED: _confidence_answered,
    Label.PARTIAL: _confidence_partial,
    Label.EVASIVE: _confidence_evasive,
    Label.DECLINED: _refusal(0.9),
    Label.DEFERRED: _refusal(0.75),
    Label.DEFLECTED: _refusal(0.65),
}


def _part(ask: Ask, judged: Judged, parts: list[Ask], reading: _Reading) -> Part:
    clause = judged.piece.text.strip() if judged.piece is not None else None
    reason = reading.quotes_as_written(_part_reason(ask, judged, parts))
    return Part(ask.text, ask.kinds, judged.treatment, reading.as_written(clause), reason)


def _clauses(pieces: list[Piece], judged: list[Judged], question: str, reading: _Reading) -> list[Clause]:
    gave = {id(j.piece): i for i, j in reversed(list(enumerate(judged))) if j.treatment == "gives"}
    asked: set[str] | None = None
    out = []
    for piece in pieces:
        sub = gave.get(id(piece))
        role: ClauseRole
        if sub is not None:
            role = "gives"
        elif piece.move is not None:
            role = _ROLE_OF_MOVE[piece.move]
        else:
            asked = _bigrams(question) if asked is None else asked
            role = "restates" if _restates(piece.text, asked) else "beside"
        start = reading.offset(piece.start)
        text = piece.text if reading.at is None else reading.span(piece.start, piece.end)
        out.append(Clause(text, start, role, sub))
    return out


def _bigrams(text: str) -> set[str]:
    chars = "".join(_BIGRAM_CHARS.findall(text))
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def _restates(text: str, asked: set[str]) -> bool:
    own = _bigrams(text)
    return len(own) >= 3 and len(own & asked) / len(own) >= 0.7


def classify_record(record: Record, lexicon: Lexicon) -> list[Verdict]:
    return [classify(item, lexicon) for item in record.items]
