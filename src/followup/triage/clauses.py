"""The answer cut into clauses, and the move each clause makes.

A sentence is cut after a concessive (「…であるが、」), a cause (「…ため、」「…ので、」) and a
continuation (「…であり、」「…しており、」), so that 「一概にお答えすることは困難であるが、12件である」
gives a hedge and a figure, and 「県が管理する道路であり、市としても…要望した」 gives another
body and the respondent's own act.  Each clause's move comes from the lexicon; a clause with
no move is the respondent's own substance, judged against what each part of the question asks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from followup.triage.lexicon import Hit, Lexicon, Move

# A sentence ends at 。 outside brackets: 「(ICチップを含む。)」 stays inside its sentence, and so
# does a bracket within a bracket (「(地方税法(昭和二十五年法律第二百二十六号)による…を含む。以下同じ。)」).
_SENTENCE = re.compile(
    r"(?:[^。！!\n（(「『]++|[（(](?:[^（()）\n]|[（(][^（()）\n]*[）)])*[）)]|「[^」\n]*」|『[^』\n]*』|[（(「『])+[。！!]?"
)
# The clause ends a sentence is cut after (「…であるが、」「…ため、」), each looked behind from its
# comma: a search for the comma first is twice as fast as trying every ending at every place.
_CLAUSE_ENDS = (
    "ますが", "ですが", "あるが", "ないが", "たいが", "たが", "いるが", "おるが", "するが", "ものの",
    "けれども", "けれど", "ため", "ので", "であり", "ており", "でおり", "であって", "ますから",
    "ですから", "ませんが", "でしたが", "ましたが", "ところであり", "とすれば", "とすると",
)  # fmt: skip
_CUT = re.compile(
    "、(?:(?:"
    + "|".join(f"(?<={end}、)" for end in _CLAUSE_ENDS)
    + r")(?!(?:ご|御)(?:理解|了承)(?:を|の|と|いただ|頂|くだ|下さ|願|賜))"
    # an act done, then the effort that goes on after it: 「…に行い、その後も状況把握に努めている」
    r"|(?<=[いし]、)(?=その後も|今後も|引き続き))"
    # an old plain-form run-on that turns to a new point without a comma: 「…発表のとおりであり
    # 府県別に関しては、整理中」 gives one thing and defers another
    r"|(?:であり|であって|であるが|ですが)(?=[^、。]{1,30}?(?:について|に関して|につきまして|に関しまして)は?、)"
)
_LEAD = re.compile(r"^(?:現在|なお|また|ただし|しかし|しかしながら|さらに|一方|その上で|このため|そのため)、")

# The move that decides a clause's role when several are found in it, strongest first.
_PRECEDENCE: tuple[Move, ...] = (
    "conditional",
    "hedge",
    "relays",
    "passes_on",
    "refuses",
    "defers",
    "not_known",
    "other_body",
    "offer",
    "unclear",
    "formula",
    "refers",
    "stance",
)


@dataclass(frozen=True)
class Piece:
    """A clause before judgement: its text, place, sentence, and the moves found in it."""

    text: str
    start: int
    sentence: int
    hits: tuple[Hit, ...]
    move: Move | None  # the move that decides this clause; None: the respondent's own substance

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def taking(self, move: Move | None, lead: Hit | None = None) -> Piece:
        """This clause decided by `move` instead, with the phrase that carries the move over
        from another clause (if any) put first among its hits."""
        return Piece(
            self.text, self.start, self.sentence, self.hits if lead is None else (lead, *self.hits), move
        )

    def hit(self, move: Move | None = None) -> Hit | None:
        move = move or self.move
        return next((h for h in self.hits if h.move == move), None)


# The comma and full stop of the 「，．」 house style (universities, some prefectures), and the
# ASCII stop an OCR copy gives (「…です.」), read as 「、。」: one character for one, so offsets
# into the reply still hold (a decimal point, 「3.5」「３．５」, and a number's 「１．」 stay).
_COMMA = re.compile(r"，|(?<=[^\x00-\x7f]),(?=[^\x00-\x7f])")
_FULL_STOP = re.compile(r"(?<=[^\x00-\x7f])(?<![０-９])(?:．|\.(?=[^\x00-\x7f]|\s|$))")


def in_house_style(text: str) -> str:
    if "，" not in text and "," not in text and "．" not in text and "." not in text:
        return text  # (most replies: no search needed)
    return _FULL_STOP.sub("。", _COMMA.sub("、", text))


# A copy that stops mid-sentence: on a comma, or inside an opened bracket.
_CUT_SHORT = re.compile(r"(?:、|「[^」]*|（[^）]*|\([^)]*)\s*$")
# ... or in the middle of a word: prose with full stops whose last sentence has none and does
# not end as a sentence can (「…連携して教育を推進す」「…基礎賦課」).
_ENDS_SENTENCE = re.compile(
    r"(?:[。．.!！?？」』）)】\]]|ます|です|した|ました|ましょう|である|であった|ない|ません|ください|下さい|たい|こと|予定|とおり|通り|どおり"
    r"|する|します|いる|おる|なる|れる|られる|できる|行う|った|いた|じた|えた|ある|いく|いただく|頂く|おく|まいる|参る|ほしい|考える|思う|追加|修正|反映|記載|検討|対応|実施|完了|なし|無し|参照|ご覧ください|もの|その他)\s*$"
)


def cut_off(answer: str) -> bool:
    """Whether the copy at hand stops before the reply ends: on a comma, inside an opened
    bracket, or inside a sentence that had started to say something."""
    text = answer.rstrip()
    if _CUT_SHORT.search(text):
        return True
    last = text[max(text.rfind("。"), text.rfind("．"), text.rfind("\n")) + 1 :].strip()
    return len(last) >= 4 and not ends_as_sentence(text)


def ends_as_sentence(text: str) -> bool:
    """Whether `text` ends as a sentence can, with its stop or without it (「…予定です」)."""
    return bool(_ENDS_SENTENCE.search(text[-12:]))


# A polite or written ending that closes a statement, stop or no stop (「…要請を受けています」).
_STATEMENT_END = re.compile(r"(?:ます|です|ました|でした|ません|である|であった|ください|下さい)$")
# What cannot start a sentence: a particle, an ending, a small kana, a mark (「…ます」「が、…」).
_GOES_ON = re.compile(
    r"[をにはがでとのへやよねらりるれろっゃゅょぁぃぅぇぉー、。」』）)]|し、|けれど|も(?!し)|な(?!お|ぜ)|か(?!つ)"
)


def ends_as_statement(text: str) -> bool:
    return bool(_STATEMENT_END.search(text))


def goes_on(line: str) -> bool:
    """Whether `line` goes on with the sentence of the line before it."""
    return bool(_GOES_ON.match(line))


def cut(answer: str, lexicon: Lexicon) -> list[Piece]:
    """The clauses of `answer` in order, each with the moves whose phrase starts in it."""
    spans: list[tuple[int, int, int]] = []
    for number, sentence in enumerate(_SENTENCE.finditer(answer)):
        begin = sentence.start()
        text = sentence.group(0)
        for end in (m.end() for m in _CUT.finditer(text)):
            spans.append((begin, sentence.start() + end, number))
            begin = sentence.start() + end
        if sentence.end() > begin:
            spans.append((begin, sentence.end(), number))
    hits = lexicon.scan(answer)  # (in order of position, as the spans are)
    starts = [h.start for h in hits]
    pieces = []
    for start, end, number in spans:
        text = answer[start:end]
        if not text.strip(" \u3000。、"):
            continue
        begin = start + len(text) - len(text.lstrip())  # a clause starts at its first character
        text = text[begin - start :].rstrip()
        # (a phrase may take in leading spaces: the span's own start counts)
        inside = tuple(hits[bisect_left(starts, start) : bisect_left(starts, end)])
        pieces.append(Piece(text, begin, number, inside, _decide(inside)))
    pieces = _closing_pointers(_past_studies(pieces))
    return _causes(_own_sections(_relayed_accounts(answer, _bodies_accounts(pieces))))


# 「当時の断層の評価は、…公的機関の調査結果も参考に検討しており、」: a study told as what was
# done then is part of an account, not a postponement (but 「当時から検討してまいりました」 is
# still going on, and 「今後」 looks ahead).
_THEN = re.compile(r"(?<!その)当時(?!から)|(?<!今後は)かつて|その際(?:に)?は|過去に(?:は)?")
_AHEAD = re.compile(r"今後|引き続き|まいり|参り|いき|たい")


def _past_studies(pieces: list[Piece]) -> list[Piece]:
    if not any(p.move == "defers" for p in pieces):
        return pieces  # (most replies: nothing to look at)
    return [
        p.taking(None) if p.move == "defers" and _THEN.search(p.text) and not _AHEAD.search(p.text) else p
        for p in pieces
    ]


# 「御不明な点がありましたら、…係までお問い合わせください」「詳しくは…へご相談ください」: a
# pointer for further questions, closing the reply, not an answer made to wait on the asker.
_FOR_MORE = re.compile(
    r"(ご|御)?不明な(点|こと)|詳しく(は|お知りになりたい)|詳細(は|について|につきましては)"
    r"|お気(づ|付)きの点|(ご|御)質問(等|など)?(が|は)(ございましたら|ありましたら)"
)


def _closing_pointers(pieces: list[Piece]) -> list[Piece]:
    """An offer in a sentence that only points the asker to where to ask more is a closing
    courtesy (a formula), like 「ご理解をお願いいたします」."""
    if not any(p.move == "offer" for p in pieces):
        return pieces  # (most replies: nothing to look at)
    pointing = {p.sentence for p in pieces if _FOR_MORE.search(p.text)}
    return [p.taking("formula") if p.move == "offer" and p.sentence in pointing else p for p in pieces]


def _decide(hits: tuple[Hit, ...]) -> Move | None:
    moves = {h.move for h in hits}
    return next((m for m in _PRECEDENCE if m in moves), None)


_BECAUSE = re.compile(r"(?:ため|ので|であり|であって|ますから|ですから|ところであり)、$")
# 「御指摘の報道については承知しているが、…お答えすることは差し控えたい」: knowing of the
# matter only concedes before the refusal.
_AWARE_BUT = re.compile(
    r"(?:承知|存じ|拝見)(?:は)?(?:して|致して|いたして)?(?:いる|おる|おり|います|おります|ございます)が、$"
)
_EXPLICIT: frozenset[Move | None] = frozenset({"refuses", "not_known", "passes_on", "relays", "other_body"})


# The respondent's own sections, asked by the respondent: 「関係課に確認したところ、…とのことでした」
# 「担当部局(都市計画部)から、「…」との回答がありました」 relay its own body's answer, not
# another body's position.
_OWN_SECTION = re.compile(
    r"(関係|担当|所管|所轄の)(課|室|係|部署|部局|部|課室|セクション)(?:[（(][^）)]{0,20}[）)])?(に|へ|から|で)(?:は)?、?"
    r"(確認|照会|問い合わせ|問合せ|聞き取り|聴き取り|「)"
)
_RELAYING: frozenset[Move | None] = frozenset({"relays", "passes_on"})


# The clauses an announced or named body's account takes over: the respondent's own substance,
# and the formulas and views said along with it (a refusal or a postponement stays its own).
_ACCOUNT_MOVES: frozenset[Move | None] = frozenset({None, "formula", "stance"})


# A relay that announces the account to follow: 「衛生組合からは以下の内容を聞いている。」
# 「同事務所からは次のとおり回答がございました。」
_ANNOUNCES = re.compile(r"(以下|次|下記)の(内容|とおり|通り|よう)")


def _relayed_accounts(answer: str, pieces: list[Piece]) -> list[Piece]:
    """The account announced by a relay is the other body's, not the respondent's own substance:
    the clauses after 「…からは次のとおり回答がございました。」 relay, up to the end of the quote
    that opens right after it (「…」, or the end of the reply if the copy never closes it), or
    else to the end of the paragraph (a bulleted account stays one paragraph)."""
    out = list(pieces)
    for piece in pieces:
        if piece.move != "relays" or not _ANNOUNCES.search(piece.text):
            continue
        lead = piece.hit("relays")
        if lead is None:
            continue
        stop = _end_of_account(answer, piece.end)
        for i, other in enumerate(out):
            if piece.end <= other.start < stop and other.move in _ACCOUNT_MOVES:
                out[i] = other.taking("relays", lead)
    return out


# The body a remit clause names, as the subject of the sentences after it: 「市町村が実施主体と
# なっています。各市町村でそれぞれ計画を策定し、…除染を実施しております。」
_BODY = re.compile(
    r"地方公共団体|地方自治体|都道府県|市区町村|市町村|自治体|道路管理者|河川管理者|事業者|事業主体|"
    r"実施主体|設置者|運営者|管理者|所有者|保険者|医療機関|警察署|警察|公安委員会|学校|会社|団体|"
    r"組合|機構|協会|自治会|町内会|(?<![一-龥])(?:国|県|都|府)(?![一-龥])"
)
# 「各市町村では、」「また、事業者が」: that body opens the sentence as its subject
_BODY_AS_SUBJECT = re.compile(
    r"(?:(?:また|なお|さらに|このうち|その上で|具体的には)、)?(?:各|それぞれの|当該|各々の)?"
    rf"({_BODY.pattern})(?:で|では|において|においては|が|は|にて)"
)


def _bodies_accounts(pieces: list[Piece]) -> list[Piece]:
    """What the body named as 所管・実施主体 does is its account, not the respondent's own
    substance: the sentences right after the remit clause whose subject is that body
    (「各市町村で…を策定し、…実施しております」) take the remit clause's move."""
    if not any(p.move == "other_body" for p in pieces):
        return pieces  # (most replies: nothing to look at)
    out = list(pieces)
    for piece in pieces:
        lead = piece.hit("other_body") if piece.move == "other_body" else None
        body = _BODY.search(lead.text) if lead is not None else None
        if lead is None or body is None:
            continue
        for i in _sentences_about(out, piece.sentence + 1, body.group(0)):
            other = out[i]
            if other.move in _ACCOUNT_MOVES:
                out[i] = other.taking("other_body", lead)
    return out


def _sentences_about(pieces: list[Piece], sentence: int, body: str) -> list[int]:
    """The pieces of the sentences from `sentence` on that have `body` as their subject, up to
    the first sentence that does not."""
    found: list[int] = []
    while True:
        members = [i for i, p in enumerate(pieces) if p.sentence == sentence]
        opening = _BODY_AS_SUBJECT.match(pieces[members[0]].text) if members else None
        if opening is None or opening.group(1) != body:
            return found
        found += members
        sentence += 1


def _end_of_account(answer: str, after: int) -> int:
    rest = answer[after:]
    opened = len(rest) - len(rest.lstrip(" \u3000\n"))
    if rest[opened : opened + 1] == "「":
        depth = 0
        for offset, char in enumerate(rest[opened:], start=after + opened):
            depth += (char == "「") - (char == "」")
            if depth == 0:
                return offset
        return len(answer)
    paragraph = answer.find("\n\n", after + opened)
    return paragraph if paragraph >= 0 else len(answer)


def _own_sections(pieces: list[Piece]) -> list[Piece]:
    """A relayed answer from the respondent's own section is the respondent's own substance."""
    own = {p.sentence for p in pieces if _OWN_SECTION.search(p.text)}
    if not own:
        return pieces
    return [p.taking(None) if p.sentence in own and p.move in _RELAYING else p for p in pieces]


def _causes(pieces: list[Piece]) -> list[Piece]:
    """A refusal *because of* a postponement or of another body's remit takes that move:
    「点検中のため、回答を差し控えます」 defers, 「県の所管であり、お答えする立場にない」 passes on.
    A clause of the respondent's own that only leads into such a move (「…を提供する立場であり、
    各自治体において対応することとなります」) is its reason, not an answer: it takes the move too,
    and so does knowing of the matter before a refusal (「報道は承知しているが、…差し控えたい」).
    The other way round, not knowing that leads into the respondent's own answer
    (「…を確認していないため、…を行っておらず」) is that answer's reason, not a refusal."""
    out = _refusals_by_cause(pieces)
    for i in range(len(out) - 1):
        piece, after = out[i], out[i + 1]
        if (
            piece.move == "not_known"
            and after.move is None
            and after.sentence == piece.sentence
            and _BECAUSE.search(piece.text)
        ):
            # 「…の存在を確認していないため、…情報交換等を行っておらず」: not knowing is the reason
            # for the answer that follows, not a refusal
            out[i] = piece.taking(None)
    for i in range(len(out) - 2, -1, -1):
        piece, after = out[i], out[i + 1]
        if (
            piece.move is None
            and after.sentence == piece.sentence
            and after.move in _EXPLICIT
            and (_BECAUSE.search(piece.text) or (after.move == "refuses" and _AWARE_BUT.search(piece.text)))
        ):
            out[i] = piece.taking(after.move)
    return out


def _refusals_by_cause(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        before = pieces[i - 1] if i else None
        if (
            before is not None
            and before.sentence == piece.sentence
            and piece.move in ("refuses", "not_known")
            and before.move in ("defers", "other_body", "passes_on", "relays")
        ):
            piece = piece.taking(before.move, before.hit())
        out.append(piece)
    return out


def sentence_of(answer: str, piece: Piece) -> str:
    """The sentence holding `piece`'s move, without its full stop and leading connective: a
    quotable trigger.  A clause relaying an account announced earlier is quoted by the sentence
    that announced it (「同事務所からは次のとおり回答がございました」), not by the other body's words."""
    phrase = piece.hit()
    start = phrase.start if phrase is not None and phrase.start < piece.start else piece.start
    begin = max(answer.rfind("。", 0, start), answer.rfind("\n", 0, start)) + 1
    stops = [i for i in (answer.find("。", start), answer.find("\n", start)) if i >= 0]
    end = min(stops) if stops else len(answer)
    text = answer[begin:end].strip()
    lead = _LEAD.match(text)
    return text[lead.end() :] if lead else text
