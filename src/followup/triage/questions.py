"""What a question asks: its sub-questions and what kind of answer each needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from followup.triage.clauses import ends_as_statement, goes_on, in_house_style
from followup.triage.lexicon import WORD, Lexicon

_SENTENCES = re.compile(r"(?<=[。！!])(?![」』）)])|(?<=[？?])(?![のとにをはがでもや」）)])")
_ALSO = re.compile(r"また、")
# 「…か、」 ends a question; 「そのほか、」「明らかに」「速やか、」 end in か and ask nothing.
_CLAUSE_Q = re.compile(
    r"(?<=か)(?<!ほか)(?<!とか)(?<!いうか)(?<!言うか)(?<!ずか)(?<!確か)(?<!やか)(?<!豊か)(?<!静か)(?<!僅か)(?<!明らか)(?<!滑らか)(?<!柔らか)(?<!安らか)(?<!朗らか)(?<!清らか)(?<!大らか)(?<!さなか)、(?=.)"
)
# 「ご教示願いたい」「お示しいただきたい」: asking to be told, in the polite forms of letters.
_TELL_US = (
    r"(?:ご|御)?(?:教示|説明|回答)(?:を)?(?:願いたい|願います|いただきたい|頂きたい|ください|下さい)"
    r"|お(?:示し|聞かせ|答え)(?:を)?(?:願いたい|願います|いただきたい|頂きたい|ください|下さい)"
)
_WRAPPER = re.compile(
    r"^(?:それぞれ|その上で|以上について|これらについて|併せて|あわせて|すべて|全て)?[、,]?(?:列挙されたい|明らかにされたい|説明されたい|示されたい|答えられたい|回答されたい|教えてください|ご回答ください|お答えください|明らかにしてください|説明してください|"
    + _TELL_US
    + r")[。]?$"
    r"|^(?:当局の|貴社の|貴職の|政府の)?(?:積極的な|誠意ある|具体的な|明確な|誠実な)?(?:回答|ご回答|御回答|答弁|説明)を(?:求める|求めます|求めたい|お願いします|お願いいたします|願います|願いたい)[。]?$"
    # 「まず伺います」「以上、お尋ねします」: a lead that asks nothing of its own
    r"|^(?:まず|次に|最後に|以上|以下)?[、]?(?:お)?(?:伺い|尋ね|聞き)(?:いた)?(?:します|ます)[。]?$"
    # 「御検討のほど宜しくお願い致します」: the closing of a letter that asked above
    r"|^(?:どうぞ|何卒|なにとぞ|ぜひ|是非)?[、]?(?:(?:ご|御)(?:検討|配慮|高配|対応|一考)(?:のほど|を|いただきますよう|くださいますよう)?)?[、]?(?:宜しく|よろしく)(?:お願い|御願い)(?:いたします|致します|します|申し上げます)[。]?$"
)
# 「…のか、政府の見解を示されたい」「…ですか。貴社の見解をお聞かせください」: a request for a
# view (or, after a why-question, for the reason) that only frames the question before it.
_ECHO = re.compile(
    r"^(?:それぞれ|その上で|なお|また|併せて|あわせて)?[、]?(?:(?:これ|この点|以上|右|その点)(?:に(?:対する|ついての|関する)))?(?:(?:政府|国|[一-龥]{0,4}内閣|総理|大臣|貴社|弊社|当社|貴職|貴庁|貴省|当局|市|県|町|村|区|貴団体|貴機構)(?:として)?の)?"
    r"(?:具体的な|詳しい|詳細な|明確な)?(?P<what>見解|所見|処見|考え|認識|お考え|ご見解|御見解|理由|その理由)(?:を|について)?(?:、)?(?:具体的に|明確に|はっきりと|改めて|併せて|あわせて)*"
    r"(?:示されたい|明らかにされたい|明確にされたい|説明されたい|伺いたい|問う|求める|お聞かせください|お聞かせ願いたい|お聞かせ下さい|お示しください|お示し下さい|"
    r"お答えください|教えてください|示してください|明らかにしてください|説明してください|お伺いします|伺います|(?:は)?如何|(?:は)?いかん|"
    + _TELL_US
    + r")$"
)
_WHY_WORD = re.compile(r"なぜ|何故|何ゆえ|なにゆえ|どうして")
_ASKS_IF_KNOWN = re.compile(
    r"(把握|承知|認識|確認)(して|され)(いる|いた|おられる|おられた|います|いました)(のか|か)(どうか|否か)?"
    r"(を)?(明らかにされたい|示されたい|説明されたい|伺いたい|お示しください|お答えください)?[。？?]?$"
)
# A proposal (「…してはどうか」「…すべきではないか」) or a polite plea (「…していただけないでしょうか」):
# put as a question, it asks the respondent to act.
_PROPOSAL_OR_PLEA = re.compile(
    r"(てはどう|ではどう|てはいかが|べきではない|べきでは|必要ではない|べきなのではない|んじゃない|(?:[うくぐすつぬぶむる]|させる)(?:という)?(?:こと|の)は(?:どう|いかが)|(?:た|だ)ら(?:どう|いかが)|(?:いただ|頂|もら)[いえっけ][^。？?]{0,6}(?:ない(?:の)?|ません)|(?:て|で)くれ(?:ない|ません)|お願い(?:でき|出来)(?:ない|ません)"
    # 「どうにかなりませんか」「何とかならないのか」: a plea for something to be done
    r"|(?:どうにか|何とか|なんとか)(?:して)?(?:なら|なり|でき|出来)(?:ない|ません)(?:でしょう|の)?"
    # 「改善願えますでしょうか」「設置していただけますか」: asked as can-you, it asks for the act
    r"|(?:願え|(?:て|で)(?:いただけ|頂け|もらえ))(?:ます|る)(?:でしょう)?"
    # 「ふちどりをなくすことはできませんか」: asked as can't-you, a resident asks for the act
    r"|(?:[うくぐすつぬぶむる]|させる)(?:こと|の)(?:は|を|が)?(?:でき|出来)(?:ません|ない(?:もの)?でしょう|ないもの))"
    r"(か|でしょうか|のか|ですか)[。？?]?$"
)
# 「…実施すべきであると考えるが、市長の見解は」: a proposal, then the view asked of it.
_PROPOSAL_THEN_VIEW = re.compile(
    r"べき(?:である|だ)?と(?:考える|思う|考えます|思います|信ずる)が、?[^。、]{0,12}?"
    r"(?:(?:いかが|どう|如何|見解は|考えは|所見は)(?:か|でしょうか|ですか)?"
    # 「…確保していくべきと考えますが、見解を伺います」: the committee member's form
    r"|(?:ご|御)?(?:見解|所見|考え|認識)を(?:伺い(?:ます|たい)|求め(?:ます|る)|問う|問います|お聞かせ(?:ください|願います)|お示しください))[。？?]?$"
)
_REQUEST_END = re.compile(
    r"((?:さ|ら)れたい|ください|下さい|願います|願いたい|伺いたい|(?:お)?(?:聞き|尋ね|伺い|訊き)(?:し)?たい(?:です|と(?:思|存じ)(?:います|ます))?"
    r"|(?:お)?(?:伺い|尋ね|聞き|問い)(?:いた)?します|(?:お)?伺います|伺う|問う|問います|問いたい|ただしたい|質したい|求めます|求める|いただきたい|頂きたい|ほしい|欲しい"
    r"|もらいたい|お願いします|お願いいたします|お願い致します|幸いです|幸いに存じます|べきだ|べきである|べきではない|如何"
    r"|要望します|要望いたします|要望する|要求します|要求する|求めたい|ほしいです|欲しいです"
    r"|(?:いただき|頂き|もらい|願い)たいです|(?:ほしい|欲しい)と(?:思います|思っています|考えます)"
    r"|(?:ほしく|欲しく|いただきたく|頂きたく|願いたく)(?:思います|思う|存じます)"
    r"|(?:提案|提言)(?:します|いたします|致します|する)|べき|が必要"
    # a demand in a group's list: 「…を直ちに停止すること」「…砂の入れ替えを行うこと」
    r"|(?<!てい)(?<!とい)(?<!があ)(?<!であ)(?<!にあ)(?<!てお)(?<!はあ)(?<!もあ)(?:る|う|く|ぐ|す|つ|ぬ|ぶ|む|ない)こと)[。！!]?$"
)
_QUESTION_END = re.compile(r"(か|かどうか|か否か|ですか|ますか)[。？?]?$|[？?]$")
# 「予算額及びその積算根拠を示されたい」 without a comma joins two nouns asked to be told only
# in a last clause asking to be told: in 「規則の作成及びその運用について、…どのように関与するの
# か」 they are one topic, in 「汚染された食材及びその疑いのある食材を…停止すること」 one object.
_ENUM_AND = re.compile(
    r"(?:と|、(?:および|及び|並びに))、?(?=それぞれ|その|各)"
    r"|(?:および|及び|並びに)(?=(?:それぞれ|その|各)[^、]*(?:示|明らかに|説明|教え|伺|答え|回答|聞かせ)[^、]*$)"
)
_STEM = re.compile(
    r"([一-龥ァ-ヴー]{2,})(?:を|が|は)?(?:し|す|さ|され|して|した|する|でき|出来|行|実施)[^一-龥]*$"
)


# 「緊急に改善を提言します」「キャンプ場の設置を希望致します」: the verb at the end is the
# asker's own act of asking (or own concern: 「…のではないかと危惧しています」), not an act
# asked of the respondent, so it is no stem.
_ASKING_ACT = re.compile(
    r"(?:提言|希望|要望|要求|要請|提案|お願い|求め|危惧|懸念|心配|憂慮)(?:いた|致)?[^一-龥]*$"
)


# 「回収を行う考えはあるか」: the act asked about stands before the intent asked of it.
_INTENT_ENDINGS = ("ある", "あります", "ございます", "ない", "ありません", "の", "です", "でしょう")
_INTENT_ASKED = re.compile(
    r"(?:ご|御)?(考え|予定|意向|つもり|方針|計画|用意|意思)"
    r"(?:(は|が)?(ある|あります|ございます|ない|ありません)(の)?|です|でしょう|なの)$"
)


# 「歩道橋の設置予定はあるか」「新庁舎建設の計画はあるか」: the act is a noun before the intent,
# with no verb; its last two kanji (設置, 建設) are the act an answer would name.
_ACT_NOUN_BEFORE_INTENT = re.compile(r"([一-龥]{2})の?$")
# 「日程は保護者にお知らせいただけるのか」: the act asked, in the honorific お + verb + いただく.
_HONORIFIC_ACT = re.compile(
    r"(?:お|御)([一-龥][ぁ-ん]{0,2}?)(?:いただけ|頂け|いただく|頂く|くださ|下さ|願え)[^一-龥]*$"
)


def _tail(text: str) -> str:
    """The end of a sentence, where its asking form stands (the end patterns search only it)."""
    return text[-48:]


def _ending(text: str) -> str:
    """The last words of a sentence: every form `_REQUEST_END` and `_QUESTION_END` know is
    shorter (the longest, 「ほしいと思っています。」, has 11 characters)."""
    return text[-24:]


def _asks(part: str) -> bool:
    end = _ending(part)
    return bool(_REQUEST_END.search(end) or _QUESTION_END.search(end) or _ELLIPTICAL.search(part))


# 「また、その原因は。」「今後の見通しは？」: a question put as its noun alone.
_ELLIPTICAL = re.compile(
    r"^(?:また|さらに|次に|では|それでは)?、?[^。、]{0,12}?"
    r"(?:原因|理由|根拠|目標|時期|件数|人数|金額|費用|予算|内訳|見通し|予定|方針|結果|対策|効果|状況|見解|考え|評価|課題|現状)"
    r"(?:は|について(?:は)?)[。？?]?$"
)


MAX_QUESTION_CHARS = 5000  # far beyond any real question; bounds the work on hostile input


@dataclass(frozen=True)
class SubQuestion:
    text: str
    kinds: frozenset[str]
    stem: str | None
    alternatives: tuple[str, ...] = ()

    @property
    def is_yes_no(self) -> bool:
        return "yes_no" in self.kinds


def split_subquestions(question: str) -> list[str]:
    """Sentences ending in か / されたい / ください, 「また、」 clauses, and 「…か、…か」 parts."""
    parts, enumerated = _pieces(question)
    out = _tidy(parts)
    asking = [p for p in out if _asks(p) or p in enumerated]
    # 「例えば、雑草群落が何を指し、いいことなのか悪いことなのか、はっきりしない。表現を整理して
    # 頂きたい」: an example illustrates the point another part asks about
    illustrated = [p for p in asking if not _FOR_EXAMPLE.match(p)]
    if illustrated and len(illustrated) < len(asking):
        asking = illustrated
    return asking or out[-1:] or [question.strip()]


_FOR_EXAMPLE = re.compile(r"^(例えば|たとえば|例として)、?")


# 「…ものなのか、さまざまな問題を抱えているケースもあると思います」: the speaker's own musing, in
# which 「…のか、」 wonders aloud and asks nothing of the respondent (but 「…のか、疑問に思います」
# and 「…のか、お聞きしたいと思います」 do ask).
_MUSING = re.compile(
    r"(?<!たい)(?<!ほしい)(?<!欲しい)(?<!疑問に)(?<!疑問と)(?<!不思議に)(?<!知りたいと)と(?:も)?"
    r"(?:思います|思う|思っています|思っております|考えます|考えております|感じます|感じています|感じております)[。！!]?$"
)


def asks_whether_known(part: str) -> bool:
    """「…を政府は承知しているか」: the part asks whether something is known, not what."""
    return bool(_ASKS_IF_KNOWN.search(part))


def asks_only_whether_known(part: str) -> bool:
    """「政府として把握していたか」 standing as a part of its own after the figure asked for."""
    return len(part) <= 24 and asks_whether_known(part)


def _pieces(question: str) -> tuple[list[str], set[str]]:
    """The question cut at sentences, 「また、」 and 「…か、」; and the items of an enumeration
    (「Aの職員数、およびそれぞれの内訳を明らかにされたい」: A asks too)."""
    parts: list[str] = []
    enumerated: set[str] = set()
    for sentence in _sentences(_one_text(question)):
        if _MUSING.search(_ending(sentence.rstrip())) and not _asks(sentence.rstrip()):
            parts.append(sentence)  # 「…状況なのか、…ものなのか、…と思います」 asks nothing
            continue
        for chunk in _also_parts(sentence):
            pieces = _ENUM_AND.split(chunk)
            if len(pieces) == 1:
                pieces = _coordinated_requests(chunk)
            enumerated.update(p.strip(" 、。\u3000") for p in pieces[:-1])
            for piece in pieces:
                parts.extend(_split_clauses(piece))
    return parts, enumerated


# 「どうやって流出を防ぎ、また、流入を増やしていくか」: a part that stops in the middle of its
# verb goes on into the next part, which finishes it (its question word asks of both).
_MID_VERB = re.compile(r"(?:[いきぎしちにびみりえけげせてねべめれ]|[一-龥]し)、?$")


def _also_parts(sentence: str) -> list[str]:
    """The sentence cut at 「また、」, except after a part that stops mid-verb."""
    out: list[str] = []
    for chunk in _ALSO.split(sentence):
        if out and _MID_VERB.search(out[-1]) and not _asks(out[-1]):
            out[-1] = f"{out[-1]}また、{chunk}"
        else:
            out.append(chunk)
    return out


_OPENS, _CLOSES = "「『", "」』"


def _sentences(text: str) -> list[str]:
    """The text cut into sentences, but not inside a quotation: in 「…事務職員は「そちらを確認
    してください。」と大声で叫ぶのみで」 the quoted request is what was said to the asker, not
    what the asker asks.  A quotation left open (a copy cut short) cuts as if it were not there."""
    cuts = [m.start() for m in _SENTENCES.finditer(text) if 0 < m.start() < len(text)]
    if "「" in text or "『" in text:
        cuts = _outside_quotations(text, cuts)
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds) if a < b] or [text]


def _outside_quotations(text: str, cuts: list[int]) -> list[int]:
    """The cuts that fall outside every 「…」『…』 (all of them when the brackets do not pair up)."""
    depth, depths, at = 0, [], 0
    for cut in cuts:
        for char in text[at:cut]:
            if char in _OPENS:
                depth += 1
            elif char in _CLOSES and depth:
                depth -= 1
        depths.append(depth)
        at = cut
    if any(depths) and _balanced(text):
        return [cut for cut, depth in zip(cuts, depths, strict=True) if not depth]
    return cuts


def _balanced(text: str) -> bool:
    return sum(text.count(c) for c in _OPENS) == sum(text.count(c) for c in _CLOSES)


def _one_text(question: str) -> str:
    """The question in 「、。」, its lines joined: a line that ends as a question, a request or
    a statement does (「…困っています」「…教えてください」 in a web form, with no 。) ends its
    sentence there, unless the next line goes on with it (「…明らか」「にされたい」); any other
    line break is the wrap of the copy."""
    lines = [line.strip(" \t\u3000") for line in in_house_style(question).split("\n")]
    out = ""
    for line in (line for line in lines if line):
        ended = out and out[-1] not in _SENTENCE_STOPS and (_asks(out) or ends_as_statement(out))
        if ended and not goes_on(line):
            out += "。"
        out += line
    return out


_SENTENCE_STOPS = frozenset("。！!？?」』）)】]")


# 「不動産開発を中止し、復旧作業に全力をあげられたい」「街灯を増やし、防犯カメラも設置してください」:
# two acts asked for in one sentence: a verb of two kanji and し, one kanji with its kana (増やし,
# 減らし, 活かし) or one kanji after its object (を直し); not 「…建物にし、」「…可とし、」 (にする, とする).
_ACT_THEN = re.compile(
    r"(?:(?<=[一-龥]{2}し)|(?<=[一-龥][やらかさまわばく]し)|(?<=[をも][一-龥]し))、(?=[^、。]{4,}。?$)"
)
_OBJECT = re.compile(r"[一-龥ァ-ヴー]{2,}(?:を|も)")
_ACT_PENDING = re.compile(r"[一-龥]{2}し$")
_STATE_ASKED = re.compile(r"どのような|どう|いかなる|如何|いかが|何を|なぜ|いつ")


# 「通学路の街灯の増設と防犯カメラの設置を求めます」: two acts named as nouns (増設, 引き下げ, 見直し),
# each after its object, asked for together by the sentence's one verb of asking; 「県と市の連携」 joins
# two bodies in one act and is not split.
_NAMED_ACT = r"(?:[一-龥]{2}|[一-龥]き[一-龥][げしえ]|見直し|取り消し|取消し)"
_TWO_NAMED_ACTS = re.compile(
    r"^(?P<lead>[^。]*?)(?P<first>[一-龥ァ-ヴー]{2,}の"
    + _NAMED_ACT
    + r")と(?P<second>[^、。と]{2,20}?の"
    + _NAMED_ACT
    + r")"
    r"(?P<ask>を(?:求め|要望|要求|要請|お願い|早急に|速やかに|直ちに)[^、。]*)$"
)


def _coordinated_requests(sentence: str) -> list[str]:
    """A request that names two acts, each with its object, asks for each of them: as two
    verbs (「…を中止し、…をあげられたい」) or as two nouns joined by と (「…の増設と…の設置を求めます」)."""
    if not _REQUEST_END.search(_ending(sentence.rstrip())):
        return [sentence]
    named = _TWO_NAMED_ACTS.match(sentence.rstrip("。"))
    if named:
        lead, ask = named["lead"], named["ask"]
        return [f"{lead}{named['first']}{ask}", f"{named['second']}{ask}"]
    if "し、" not in sentence:
        return [sentence]
    pieces = _ACT_THEN.split(sentence, maxsplit=1)
    if len(pieces) == 2 and _STATE_ASKED.search(pieces[1]):
        return [sentence]  # 「…を予知し、被害を防ぐための体制はどのような状況か説明されたい」
    if len(pieces) == 2 and _OBJECT.search(pieces[0]) and _OBJECT.search(pieces[1]):
        return pieces
    return [sentence]


_ASIDE = re.compile(r"[（(][^（()）]*[）)]")
# 「庁舎の18階について、次の2点を要望します」: a lead that announces the asks after it.
_ANNOUNCES = re.compile(
    r"^[^。]{0,40}?(?:次|以下|下記)の(?:[0-9０-９一二三四五六七八九十]+)?(?:点|事項|項目|とおり|通り)?"
    r"(?:を|に|について|につき)?[、,]?(?:ご|御|お)?(?:要望|質問|尋ね|伺い|提案|要請|願い|申し入れ)(?:を)?"
    r"(?:します|いたします|致します|する|申し上げます)[。]?$"
)


def _adds_nothing(part: str, before: list[str]) -> bool:
    """An empty piece or a lead announcing the asks (「次の2点を要望します」); or, after a
    question, a wrapper (「…か、明らかにされたい」), an echo of it, or an aside in brackets
    (「…お願いしたいと思います。(シールはがしの利用など)」)."""
    if not part or _ANNOUNCES.match(part):
        return True
    return bool(before) and bool(_WRAPPER.match(part) or _echoes(part, before) or _ASIDE.fullmatch(part))


def _tidy(parts: list[str]) -> list[str]:
    """Drop empty pieces and wrappers (「…か、明らかにされたい」); keep 「否か」 with its question."""
    out: list[str] = []
    for part in (p.strip(" 、。\u3000") for p in parts):
        if _adds_nothing(part, out):
            continue
        if part in {"否か", "否"} and out:
            out[-1] = f"{out[-1]}、{part}"
            continue
        if out and ("願" in part or "か" in part) and _BARE_PLEA.match(part):
            # 「…写りたいと思う。お願いします。」「…真っ暗です。どうにかしてください。」: the plea asks
            # for what the sentence before says; after a question or request of its own it is
            # only a closing
            if not _asks(out[-1]):
                out[-1] = f"{out[-1]}。{part}"
            continue
        out.append(part)
    return out


_BARE_PLEA = re.compile(
    r"^(?:どうか|是非|ぜひ|何卒|なにとぞ)?[、]?(?:どうぞ)?(?:よろしく)?お願い(?:します|いたします|致します|申し上げます)[。！!]?$"
    r"|^(?:どうか|是非|ぜひ)?[、]?(?:どうにか|何とか|なんとか)(?:して)?(?:ください|下さい|ほしい|欲しい|ほしいです|欲しいです"
    r"|(?:なら|なり|でき)(?:ない|ません)(?:でしょう)?か)[。！!？?]?$"
)


def _echoes(part: str, before: list[str]) -> bool:
    """A request for a view that follows a question, or for the reason right after a
    why-question: it only repeats what was asked."""
    echo = _ECHO.match(part)
    if echo is None:
        return False
    if "理由" in echo.group("what"):
        return bool(_QUESTION_END.search(_ending(before[-1])) and _WHY_WORD.search(before[-1]))
    return any(_asks(b) for b in before)


# 「高松空港か、広島空港を…」: a noun, then か, joins two things as one or the other
_NOUN_OR = re.compile(r"[一-龥ァ-ヴー]{2}か$")


# 「…調査を行ったことがあるかどうか、政府は把握しているか」: the first is the object of the
# second (what the government is asked to know or show), not a question of its own.
_EMBEDDED = re.compile(r"(?:かどうか|か否か)[、\s]*$")
_ABOUT_IT = re.compile(r"把握|承知|認識|確認|明らかに|示|伺|答え|説明|教え")
# 「市の見解を伺う」「政府の所見を問う」「お考えをお聞きします」 after a question: asks it, nothing more.
_VIEW_OF_IT = re.compile(
    r"(?:[一-龥ァ-ヴー]{1,8}(?:として)?の)?(?:ご|御|お)?(?:見解|考え|所見|認識|所感)(?:を|について)?、?"
    r"(?:伺|うかが|問|お聞き|お尋ね|求め|お示し|示され|明らかに|聞かせ|お聞かせ)"
    # 「…あったのかどうなのか、確認をさせていただきたい」: the asker's act of asking
    r"|(?:念のため、?)?確認(?:を)?(?:させて|さして)?(?:いただき|頂き)?たい"
)


# 「…留保されているのか、またいかにして…しているのか」: a second question, not the other half of a choice
_AND_THEN = re.compile(r"(?:また|さらに|更に|併せて|あわせて|加えて|そして)(?!は)")


def _split_clauses(sentence: str) -> list[str]:
    pieces = _CLAUSE_Q.split(sentence)
    if (
        len(pieces) == 2
        and _EMBEDDED.search(pieces[0])
        and len(pieces[1]) <= 25
        and _ABOUT_IT.search(pieces[1])
    ):
        return [sentence]
    if len(pieces) == 2 and len(pieces[1]) <= 20 and _VIEW_OF_IT.match(pieces[1]):
        return [pieces[0]]  # 「…意図はないか、市の見解を伺う」 asks the question before it, nothing more
    if len(pieces) == 2 and pieces[0][-4:] == pieces[1].rstrip("。")[-4:] and not _AND_THEN.match(pieces[1]):
        return [sentence]  # 「Aとして管理されるか、Bとして管理されるか」: one choice
    if len(pieces) > 1 and not _asks(sentence.rstrip()) and any(_NOUN_OR.search(p) for p in pieces[:-1]):
        return [sentence]  # 「…高松空港か、広島空港を利用するほかありません」 asks nothing
    return pieces


# A question word that asks for a number itself (not a noun such as 費用 or 件数).
_QUANTITY_WORD = re.compile(
    r"何(?:件|名|人|枚|回|か所|カ所|箇所|ヶ所|団体|社|割|台|校|戸|年|日|円|倍)|いくら|幾ら|どの程度|どのくらい|どれくらい|どれほど|どれだけ"
)
_TREND = re.compile(r"(どのように|どう)推移")
_VIEW_HOW = re.compile(r"どのように(考え|受け止め|評価|認識|分析|捉え|思)")
_HOW_WORD = re.compile(r"どのように|方法|手順|手段|どうやって")
_CONTENT_KINDS = ("why", "when", "quantity", "how", "who", "breakdown", "view", "doing")
_STOP_TERMS = frozenset(
    {"について", "質問", "回答", "説明", "理由", "内容", "場合", "状況", "対応", "考え", "見解"}
)


def _kinds(text: str, lexicon: Lexicon) -> tuple[set[str], tuple[str, ...]]:
    """What `text` asks for, and the alternatives of a choice question."""
    qt = lexicon.question_types
    focus = _focus(text, lexicon)
    kinds = _content_kinds(focus, lexicon)
    choice = qt["choice"].search(text) if "choice" in qt and "か、" in text else None
    if choice and not kinds - {"how"}:
        # 「Aとして管理されるのか、Bとしてか」: naming one is the answer
        return {"choice"}, tuple(WORD.findall(choice.group("a") + choice.group("b")))
    if _ASKS_IF_KNOWN.search(text) and "view" not in kinds:
        # 「件数を把握しているか」 asks whether they know, not the number; 「どのように認識して
        # いるか」 asks the view itself
        return {"yes_no"}, ()
    return _form_kinds(text, kinds, lexicon), ()


def _content_kinds(focus: str, lexicon: Lexicon) -> set[str]:
    """The kinds of content the asking clause names, less those a word only seems to ask."""
    qt = lexicon.question_types
    kinds = {k for k in _CONTENT_KINDS if k in qt and qt[k].search(focus)}
    if "quantity" in kinds and kinds & {"who", "when", "why"} and not _QUANTITY_WORD.search(focus):
        kinds.discard("quantity")  # 「費用は誰が負担するのか」 asks who, not how much
    if "view" in kinds and _VIEW_HOW.search(focus) and len(_HOW_WORD.findall(focus)) == 1:
        kinds.discard("how")  # 「どのように考えるか」 asks a view, not a way
    if "quantity" in kinds and _TREND.search(focus):
        kinds.discard("how")  # 「実績はどのように推移しているか」 asks for the figures over time
    if "how" in kinds and _HOW_IT_IS_DONE.search(focus):
        kinds.discard("how")  # 「安全対策はどのようにされていますか」: what is being done answers it
        kinds.add("doing")
    return kinds


_HOW_IT_IS_DONE = re.compile(
    r"どのように[^。]{0,30}(?:されて|して|行って|講じて|取り組んで|実施して)(?:い|お)(?:ます|る)(?:か|の)"
)


_QUOTED = re.compile(r"「[^「」]{1,200}」|『[^『』]{1,200}』")
_PREMISE = re.compile(
    r"(?:ているが|ておるが|したが|であるが|いるが|とされているが|と(?:推察|推測|想定)されるが|ところ|けれども|ものの"
    r"|(?:てい|して|とし)ますが|と思いますが)、"
)


def _focus(text: str, lexicon: Lexicon) -> str:
    """The asking clause after a premise, without what it quotes: in 「…の数は把握していないと答弁しているが、何ゆえ
    把握していないのか」 the number belongs to the premise, the question asks why."""
    text = _QUOTED.sub("「」", text)  # a law or a speech quoted asks nothing: 「…不当な手段」
    pieces = _PREMISE.split(text)
    tail = pieces[-1]
    word = lexicon.question_types.get("question_word")
    if len(pieces) > 1 and len(tail) >= 6 and word is not None and word.search(tail):
        return tail
    if len(pieces) > 1 and len(tail) >= 20 and _ends_as_question(tail):
        # 「…総量規制的な考えがあると推察されるが、…総数を制限することを考えているのか」 (a short
        # yes/no tail, 「…実施されているが、県も実施しないのか」, asks about what the premise says)
        return tail
    return text


def _ends_as_question(text: str) -> bool:
    """「…か」, or the member's 「…のかどうか、伺います」 (a yes/no put as 伺います)."""
    return bool(
        _QUESTION_END.search(_ending(text))
        or _QUESTION_END.search(_ending(_SPOKEN_ASK.sub("", text).rstrip("、")))
    )


def _form_kinds(text: str, kinds: set[str], lexicon: Lexicon) -> set[str]:
    """Kinds the form of the sentence adds: a proposal to act (「…してはどうか」「…すべきでは
    ないか」, 「…してほしい」), or a yes/no question (「…か」 with no question word)."""
    qt = lexicon.question_types
    asks_word = bool("question_word" in qt and qt["question_word"].search(text))
    if _ACT_PENDING.search(text) and not kinds - _NOUN_KINDS:
        return {"request"}  # the first act of 「Aを中止し、Bに全力をあげられたい」
    tail = _tail(text)
    if (_PROPOSAL_OR_PLEA.search(tail) or _PROPOSAL_THEN_VIEW.search(tail)) and not kinds - _OF_A_PROPOSAL:
        return {"request"}
    if asks_word:
        return kinds
    if _ends_as_question(text):
        return _yes_no_form(text, kinds)
    if kinds <= _NOUN_KINDS and _asks_to_act(text, lexicon):
        return {"request"}  # 「回数を増やしてほしい」: the number is what to change, not what to tell
    return kinds


# 「…事前に相談してもいいですか」: asking leave is a yes/no, whatever nouns the premise names
_LEAVE_ASKED = re.compile(
    r"(?:て|で)も(?:いい|よい|良い|よろしい|構わない|かまわない|差し支えない|大丈夫)(?:の)?(?:です|でしょう)?(?:か)[。？?]?$"
    r"|(?:て|で)も(?:構い|かまい)ません(?:か|でしょうか)[。？?]?$"
)


def _yes_no_form(text: str, kinds: set[str]) -> set[str]:
    """A question with no question word: yes or no, unless a content noun asks for more."""
    if _LEAVE_ASKED.search(text):
        return {"yes_no"}
    if kinds == {"breakdown"} and not _BREAKDOWN_NOUN.search(text):
        return {"yes_no"}  # 「それぞれの役割が重複していることはないか」: whether, of each alike
    if not kinds - {"breakdown"}:
        return kinds | {"yes_no"}
    if kinds == {"why"} and _CAUSE_AS_PREDICATE.search(text):
        return {"yes_no"}  # 「…が第一の原因であると考えるのか」 asks whether, not why
    if kinds <= _NOUN_KINDS and _EXISTS.search(text):
        return {"yes_no"}  # 「申請以外の方法で審査することはありますか」: a noun does not make it how
    return kinds


# What still asks for each part's figures in a yes/no question (「内訳」「地区別の件数」); 「それぞれ」
# alone asks whether, of each alike (「それぞれの役割が重複していることはないか」).
_BREAKDOWN_NOUN = re.compile(r"内訳|別(?:の|に)(?:数|件数|人数|金額|額)")
_EXISTS = re.compile(
    r"(ある|あります|あった|ありました|ございます|できる|できます|可能)(の)?(です)?か[。？?]?$"
    # 「…費用を他省庁で負担した事実はないか」: whether it happened
    r"|(事実|こと|例|事例|ケース)(は|が)(ない|なかった|ありません|ございません)(の)?(です)?(か|でしょうか)[。？?]?$"
)
# A cause or ground named as the predicate of the question: 「…が原因であると考えるのか」.
_CAUSE_AS_PREDICATE = re.compile(
    r"(原因|理由|根拠|要因)(で(ある|あった|はない)|と(考え|認識|判断|思)|だと|になっ|となっ)"
)
# Kinds a proposal's own words may seem to ask (「どのように」「見解は」): it still asks to act.
_OF_A_PROPOSAL = frozenset({"how", "breakdown", "doing", "view"})
# Kinds a noun alone can suggest (回数, 方法, 担当者); in a request to act they name its object.
_NOUN_KINDS = frozenset({"quantity", "breakdown", "how", "who", "when"})


def _asks_to_act(text: str, lexicon: Lexicon) -> bool:
    qt = lexicon.question_types
    request = qt.get("request")
    explain = qt.get("explain")
    tail = text[-16:]  # the asking verb ends the sentence: 「…を提案することができる」 asks nothing
    return bool(request and request.search(tail)) and not (explain and explain.search(tail))


# 「「ダイヤ改正にあたっては、説明会を開催し、…行うこと」」: a demand a group's report quotes whole.
_QUOTED_WHOLE = re.compile(r"^\s*「([^「」]+)」\s*$")


def analyse(question: str, lexicon: Lexicon) -> list[SubQuestion]:
    out = []
    whole = _QUOTED_WHOLE.match(question)
    if whole is not None:
        question = whole.group(1)
    for text in split_subquestions(question[:MAX_QUESTION_CHARS]):
        kinds, alternatives = _kinds(text, lexicon)
        bare = re.sub(r"(ということ)?(か|のか|か否か|、否か)[。？?]?$", "", text)
        intent_asked = bare.endswith(_INTENT_ENDINGS) and bool(_INTENT_ASKED.search(bare))
        if intent_asked:
            bare = _INTENT_ASKED.sub("", bare)
        stem_match = None if _ASKING_ACT.search(bare) else _STEM.search(bare) or _HONORIFIC_ACT.search(bare)
        if stem_match is None and intent_asked:
            stem_match = _ACT_NOUN_BEFORE_INTENT.search(bare)
        out.append(
            SubQuestion(text, frozenset(kinds), stem_match.group(1) if stem_match else None, alternatives)
        )
    return out


@dataclass(frozen=True)
class Ask:
    """One part of the question to be judged: a sub-question, or one kind of a sub-question
    that asks for several (「いつ、どのような説明を行ったか」 asks when and how)."""

    text: str
    kinds: tuple[str, ...]
    terms: frozenset[str]  # words that tie a clause of the answer to this part
    stem: str | None
    alternatives: tuple[str, ...]
    sub: int  # index of the sub-question

    @property
    def is_yes_no(self) -> bool:
        return "yes_no" in self.kinds


_SPLIT_KINDS = frozenset({"why", "when", "quantity", "who", "breakdown"})


_AND = re.compile(r"(?<=[一-龥ァ-ヴー])(?:と|及び|および|並びに|ならびに)(?=[一-龥ァ-ヴー])")
_LISTED_KINDS = ("why", "when", "quantity", "who")


def _enumerated(sub: SubQuestion, lexicon: Lexicon) -> list[SubQuestion]:
    """「交付件数と交付総額を示されたい」 asks two things: one part for each item that names
    a kind of answer of its own."""
    pieces = _AND.split(sub.text)
    qt = lexicon.question_types
    if len(pieces) < 2 or len(pieces) > 4:
        return [sub]
    kinds = [{k for k in _LISTED_KINDS if k in qt and qt[k].search(p)} for p in pieces]
    if not all(kinds):
        return [sub]
    return [SubQuestion(p, frozenset(k), sub.stem, ()) for p, k in zip(pieces, kinds, strict=True)]


def asks(question: str, lexicon: Lexicon) -> list[Ask]:
    """The parts of `question`, each with the words that distinguish it from the others."""
    out: list[Ask] = []
    subs = _without_restatement(
        _without_rhetoric(
            _without_premise(
                _spoken_turn(
                    [piece for sub in analyse(question, lexicon) for piece in _enumerated(sub, lexicon)]
                )
            )
        )
    )
    for index, sub in enumerate(subs):
        terms = frozenset(w for w in WORD.findall(sub.text) if w not in _STOP_TERMS)
        split = sorted(sub.kinds & _SPLIT_KINDS)
        if len(split) >= 2:
            for kind in split:
                found = lexicon.question_types[kind].search(sub.text)
                word = frozenset({found.group(0)}) if found and len(found.group(0)) >= 2 else frozenset()
                out.append(Ask(sub.text, (kind,), word, sub.stem, sub.alternatives, index))
            continue
        out.append(Ask(sub.text, tuple(sorted(sub.kinds)), terms, sub.stem, sub.alternatives, index))
    return _distinguish(out)


# 「…について伺います」「…をお聞きします」: the member's question in a committee turn.
_SPOKEN_ASK = re.compile(
    r"(?:(?:お)?伺い(?:いた)?(?:します|ます)|伺います|(?:お)?伺いしたい(?:と(?:思|存じ)います)?|"
    r"お(?:聞き|尋ね)(?:いた)?します|お(?:聞き|尋ね)したい(?:と(?:思|存じ)います)?)[。？?]?$"
)


def _spoken_turn(subs: list[SubQuestion]) -> list[SubQuestion]:
    """In a committee turn, the pleas, requests and rhetorical questions the member puts before
    the question (「…大きなお声でお願いします」「…想定できたのではないでしょうか。…について伺い
    ます」) are remarks on what went before, not what this answer is asked: the answer is judged
    on the question."""
    first = next((i for i, sub in enumerate(subs) if _SPOKEN_ASK.search(_ending(sub.text))), 0)
    if first == 0:  # no question put, or nothing before it
        return subs
    return [sub for i, sub in enumerate(subs) if i >= first or not _remark(sub)]


# 「…できる限り大きいブロックに括るべきである。」: the asker's position, stated, not asked.
_OUGHT_STATED = re.compile(r"(?:べき(?:である|だ|ではない|でない)|(?:なければ|ては|では)ならない)[。]?$")


def _without_premise(subs: list[SubQuestion]) -> list[SubQuestion]:
    """In a written question, a position stated as what ought to be (「…べきである。」) before
    the question put (「…どのように設定するのか」) is the ground of the question, not a part of
    its own; a position with no question after it is the request."""
    asked = [i for i, sub in enumerate(subs) if sub.kinds and "request" not in sub.kinds]
    if not asked:
        return subs
    last = asked[-1]
    kept = [sub for i, sub in enumerate(subs) if i > last or not _OUGHT_STATED.search(sub.text)]
    return kept or subs


def _remark(sub: SubQuestion) -> bool:
    """A plea, a request or a rhetorical 「…のではないでしょうか」: the member's remark."""
    return sub.kinds == {"request"} or (sub.kinds == {"yes_no"} and bool(_RHETORICAL.search(sub.text)))


# 「…興味を持って見る人が増えるのではないか」: a question put only to argue for the request beside it.
_RHETORICAL = re.compile(r"(?:の|ん)では(?:ない|ありません)(?:か|でしょうか|ですか)[。？?]?$")


# 「…広く意見を聴く努力をして欲しい」: a plea for effort, no act that a reply could grant or refuse.
_EFFORT_PLEA = re.compile(
    r"(努力|配慮|尽力|善処|考慮|留意|工夫|努め|心がけ|心掛け)(を|に)?(して|いたして|されて|され|し)?"
    r"(ほしい|欲しい|ください|下さい|いただきたい|頂きたい|もらいたい|願いたい|願います|お願い)[^。]{0,6}[。！!]?$"
)


def _without_rhetoric(subs: list[SubQuestion]) -> list[SubQuestion]:
    """Next to a request to act, a 「…のではないか」 is the asker's argument for it, not a
    question of its own: the reply is judged on the request.  After questions, a closing plea
    for effort (「…努力をして欲しい」) asks for no act: the reply is judged on the questions."""
    if len(subs) < 2:
        return subs
    if any(sub.kinds == {"request"} for sub in subs):
        kept = [sub for sub in subs if not (sub.kinds == {"yes_no"} and _RHETORICAL.search(sub.text))]
        subs = kept or subs
    questions = [sub for sub in subs if sub.kinds and "request" not in sub.kinds]
    if questions and subs[-1].kinds == {"request"} and _EFFORT_PLEA.search(subs[-1].text):
        return subs[:-1]
    return subs


# The act a request asks for, at its end: 「…増やしてほしいです」 asks 増やし.
_ASKED_ACT = re.compile(
    r"([ぁ-ん一-龥]{2})(?:て|で)(?:ほしい|欲しい|ください|下さい|いただきたい|頂きたい|もらいたい)(?:です)?[。！!]?$"
)


# 「…停止していただけませんか。停止できない場合、その理由もお聞かせください」: the reason is
# asked only for a no, so it belongs to the request, whose no comes with its grounds.
_REASON_IF_NOT = re.compile(
    r"^[^。]{0,20}(?:ない|難しい|困難な|不可能な)場合(?:に|で)?(?:は|も)?、?(?:その)?(?:理由|根拠|わけ)"
)


def _without_restatement(subs: list[SubQuestion]) -> list[SubQuestion]:
    """「人数を増やしてほしい。…あと5人くらい増やしてほしい。」 asks one thing twice, the second
    time with a figure; 「…できない場合、その理由も」 asks what a no to the ask before comes with.
    Either way it is one ask, so a reply that declines it with its grounds answers it whole."""
    out: list[SubQuestion] = []
    for sub in subs:
        act = _ASKED_ACT.search(sub.text) if sub.kinds == {"request"} else None
        after_request = bool(out) and "request" in out[-1].kinds
        prev = _ASKED_ACT.search(out[-1].text) if after_request else None
        if (act and prev and act.group(1) == prev.group(1)) or (out and _REASON_IF_NOT.search(sub.text)):
            last = out[-1]
            out[-1] = SubQuestion(
                f"{last.text}。{sub.text}", last.kinds, last.stem or sub.stem, last.alternatives
            )
            continue
        out.append(sub)
    return out


def _distinguish(parts: list[Ask]) -> list[Ask]:
    """Keep for each part only the words no other part shares."""
    if len(parts) < 2:
        return parts
    out = []
    for i, part in enumerate(parts):
        others = set().union(*(p.terms for j, p in enumerate(parts) if j != i))
        out.append(Ask(part.text, part.kinds, part.terms - others, part.stem, part.alternatives, part.sub))
    return out
