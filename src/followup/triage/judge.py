"""For one part of the question: does the answer give it, refuse it, defer it, pass it on,
make it conditional, talk beside it, or say nothing to it?

A clause is tied to a part when it names a word only that part uses (「内訳は集計していません」
belongs to 「その内訳」); a clause tied to no part speaks to all of them.  A part is *given*
when a clause of the respondent's own gives the kind of answer it needs (a figure for 何件, a
date for いつ, a yes or no for 〜か); otherwise the first refusal, postponement or passing-on
that speaks to it decides; otherwise it was talked around (evasive) or not touched (nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from followup.triage.clauses import Piece, cut_off
from followup.triage.lexicon import WORD, Lexicon, Move, Searcher
from followup.triage.questions import Ask, asks_whether_known
from followup.triage.verdict import Treatment

_DATE = re.compile(
    r"[0-9０-９]+\s*(年|月|日)|[一二三四五六七八九十元]+(年|月)|年度(内|中|末)|上旬|中旬|下旬|年内|今月|来月|今年度|来年度|本年度"
)
# A text to be corrected, stated as the whole of the clause's end.
_CORRECTED = (
    r"(修正|訂正|是正|削除|追記|加筆)(する|します|いたします|致します|させていただきます)(?=[。」\s]|$)"
)
_EXPLICIT_YES_NO = re.compile(
    r"(とおり|通り)(です|である|でございます)?|はい|いいえ|"
    r"(事実|予定|考え|計画|必要|該当|実績|義務|意図|つもり)(は|も)(ない|なく|ありません|ございません|ある|あります)|"
    r"(困難|難しい)(です|である|であります|でございます|な状況|状況)|難しいと(考え|判断)|"  # 「新設は難しい状況です」: a no
    r"(は|も)(なし|無し)(?=[。」\s]|$)|"  # a minute's 「工事費の増減はなし。」
    r"(見られ|見受けられ|認められ)(ない|ません|ず)(?=[。」\s]|$)|"  # 「特にそのような傾向は見られない」
    r"(事例|前例|実例|事実)(は|が|も)?存在(する|します|しない|しません|せず)(?=[。、」\s]|$)|"  # 「御指摘の事例は存在する」
    r"事実(です|である|であり|でございます)|可能(で|では)?(ある|あります|です|でございます)|"
    r"ではない|ではありません|ではございません|(し|い)ない(?:。|(?=[」\s]*$))|しません|いたしません|致しません|"
    r"(し|い)ないで(ください|下さい|いただ)|(ご|御)遠慮(ください|下さい|いただ|願)|"
    r"(こと|もの)は(ない|なく|ありません|ございません)|(該当|相当)(する|します|しない|しません)|当たら(ない|ず)|当たりません|"
    r"(して|されて|行って|行われて|決めて|定めて)(い|お)(ない|ません|りません|らず)(?=[。、が]|$)|(原案|現行|素案)(の)?(とおり|通り|どおり)|"
    # the point conceded by correcting it: 「評価と文章が合っていないのではないか」→「精査して修正する」
    + _CORRECTED
)
# The request turned down: 「ご要望には応じかねます」「撤回には応じませんでした」.
_NOT_ACCEPTED = r"応じ(られ|かね|ません|なかっ|ない)"
_DECISION = re.compile(
    r"困難|難し|でき(ない|ません|ず)|出来(ない|ません)|かねます|予定|計画|考え(は|も)|見送|方針|こととし|ことにな"
    r"|原案|とします|やむを得|" + _NOT_ACCEPTED + r"|行いません|行わない|しません|いたしません|致しません"
    r"|(よう|こと)に(する|します|いたします|致します)|考えて(おりません|いません|いない)|(明らか|明白|自明)(である|です)"
    r"|廃止|中止|取りやめ|終了|済み|既に|すでに|完了|(ご|御)?(意見|指摘|提案)の(とおり|通り)"
    # a text to be corrected as asked (「…区別して記載してほしい」→「修正する。」)
    r"|" + _CORRECTED
)
# A clear no about the very matter: 「本市では参加をしておりません」「設置する予定はありません」.
# 「これを廃止するのではなく、…見直しを検討する」: a no to the act named (group 1), then what instead.
_NOT_THIS_BUT = re.compile(r"([一-龥]{2})(?:する|いたす|させる)の(?:では|で)(?:なく|ない|ありません)")
_DECLINED_ACT = re.compile(
    r"(して|いたして|致して|行って|実施して|考えて)(おりません|いません|いない|おらず)|(予定|考え|計画|つもり)(は|も)(ない|なく|ありません|ございません)"
    r"|(いたし|致し|し)ません|行わない|実施しない|見送(る|り|って)|" + _NOT_THIS_BUT.pattern
)
_REMIT = re.compile(r"所管|管理|管轄|担当|権限|主体")
_KNOWING = re.compile(r"把握|承知|認識|知って|集計|調査|確認|記録|データ|資料")
# 「…については承知しているが、」: known, said before what is withheld.
_AWARE = re.compile(r"(承知|把握|認識)(して|いたして)(いる|おり|おる)(が|けれども)、")
# The question itself names the gap (「何ゆえ把握していないのか」「把握していないとすれば…」)
_GAP_IN_QUESTION = re.compile(
    r"(把握|承知|集計|確認|記録|調査)(を|は)?(して|されて|いたして|できて)?(い|お)?(ない|ず|らず|ません|りません)"
)
_CONTENT = re.compile(r"[一-龥ァ-ヴー0-9０-９]")
_TOPIC_ONLY = re.compile(
    r"(?:は|について(?:は)?|につきまして(?:は)?|に関して(?:は)?|に関しましては)、\s*$"
    # a heading that names the point before the answer to it: 「不合格の理由について。」
    r"|(?:について|に関して|につきまして|の件)。\s*$"
)
_TREATMENT_OF: dict[Move, Treatment] = {
    "refuses": "refuses",
    "not_known": "refuses",
    "defers": "defers",
    "passes_on": "passes_on",
    "relays": "passes_on",
    "other_body": "passes_on",
}
_DOMINANT: frozenset[Treatment] = frozenset({"refuses", "defers", "passes_on"})
_QUIET: frozenset[Move | None] = frozenset({"formula", "refers", "unclear", "hedge", "stance", None})
STRONG, WEAK = 1.0, 0.5
# Kinds a clause may be presumed (WEAK) to give though no phrase shows it: a statement to
# 「…という事実があるか」 or 「見解を示されたい」.  A request to act is given by a decision, not by
# any statement (the one exception: an account with nothing in place of a decision, `_plain_accounts`).
_PRESUMED = {"yes_no": "any", "view": "any", "request": "none"}


@dataclass(frozen=True)
class Judged:
    treatment: Treatment
    piece: Piece | None
    strength: float  # for a part given: 1.0 recognised, 0.5 only presumed


def strengths(parts: list[Ask], pieces: list[Piece], lexicon: Lexicon) -> list[list[float]]:
    """How clearly each clause gives each part: `[piece][part]`.

    A reply that first calls the question unclear (「お尋ねの…の意味するところが必ずしも明らか
    ではないが、」) answers a yes/no question only with an outright yes or no: what follows such
    an opening is most often a general statement beside the point (the guide's evasive shape)."""
    rows = [[gives(ask, piece, lexicon) for ask in parts] for piece in pieces]
    _plain_accounts(parts, pieces, rows, lexicon.answer_gives.get("courtesy"))
    if any(piece.move == "unclear" for piece in pieces):
        for index, ask in enumerate(parts):
            if not ask.is_yes_no:
                continue
            for row, piece in zip(rows, pieces, strict=True):
                if row[index] > 0 and not _says_yes_or_no(ask, piece.text):
                    row[index] = 0.0
    return rows


# The lone parts an account with nothing in place of an answer is presumed to give.
_ACCOUNT_ANSWERS = (("request",), ("how",), ("doing",))


def _plain_accounts(
    parts: list[Ask], pieces: list[Piece], rows: list[list[float]], courtesy: Searcher | None
) -> None:
    """A lone request met by an account of the matter, with nothing standing in place of a
    decision (no 「努めてまいります」「参考にさせていただきます」「重要と考えています」, no refusal,
    postponement or passing-on; thanks and apologies aside), tells what is done about it:
    「待合室に浄水器を入れてあります」「センター管理者に伝え、設置場所を変更していただきました」.
    So does such an account to a lone question of how, or of what is being done
    (「どのように確認するか」: 「学校を訪問する機会等に確認し、…指導・助言していく」).
    Given, though only presumed (WEAK: the item is marked 要確認).  Called evasive before, such
    replies were answers by the guide in 27 of 32 requests on twelve corpus waves as first
    scored, and in 6 of 10 questions of how on thirteen.  Not for why: an account of what
    happened is most often not the reason asked."""
    if len(parts) != 1 or parts[0].kinds not in _ACCOUNT_ANSWERS or any(row[0] > 0 for row in rows):
        return
    if not pieces or cut_off(pieces[-1].text):
        return  # (a reply cut off in the copy says nothing yet of what is done)
    if not _account_stands(pieces, courtesy):
        return
    for row, piece in zip(rows, pieces, strict=True):
        if piece.move is None and _substantial(piece.text):
            row[0] = WEAK


def _account_stands(pieces: list[Piece], courtesy: Searcher | None) -> bool:
    """Nothing stands in place of a decision; or only a closing effort (「…関係機関と連携を図り
    つつ、防止に努めております」) after an account of two or more acts of the respondent's own
    (「早朝パトロールを実施しており、…注意、指導をしております」), which still tells what is done."""
    standing = [p for p in pieces if _in_place_of_answer(p, courtesy)]
    if not standing:
        return True
    if any(p.move not in (None, "formula") for p in standing):
        return False
    acts = [
        p
        for p in pieces
        if p.move is None
        and _substantial(p.text)
        and any(not _DONE_BY_OTHERS.search(p.text, 0, m.start()) for m in _own_acts(p.text))
    ]
    return len(acts) >= 2


def _in_place_of_answer(piece: Piece, courtesy: Searcher | None) -> bool:
    """A clause that stands where the decision would: any move but courtesy, or an intent
    with no act in it (「…取り組んでまいります」「…努力を行っていく考えである」)."""
    if piece.move is None:
        return bool(_INTENT.search(piece.text))
    if piece.move != "formula" or courtesy is None:
        return True
    return not all(courtesy.search(h.text) for h in piece.hits if h.move == "formula")


_INTENT = re.compile(r"(まいり|参り|いき|行き)(ます|たい)|(いく|ゆく|まいる|参る)(考え|所存|方針)")


def _says_yes_or_no(ask: Ask, text: str) -> bool:
    return (
        bool(_EXPLICIT_YES_NO.search(text))
        or _affirms_asked(ask, text)
        or bool(ask.stem and ask.stem in text)
    )


def judge(
    index: int, parts: list[Ask], pieces: list[Piece], ties: list[set[int]], given: list[list[float]]
) -> Judged:
    """The treatment of part `index`, from the clauses that speak to it."""
    specific = [p for p, tie in zip(pieces, ties, strict=True) if index in tie]
    general = [p for p, tie in zip(pieces, ties, strict=True) if not tie]
    explicit = _not_given(specific + general)
    if "breakdown" in parts[index].kinds and _only_aggregate(given, index):
        return explicit
    gives = _gives_of(index, parts, pieces, ties, given)
    best = max(gives, key=lambda j: j.strength, default=None)  # the first of the clearest
    aside = _proposal_set_aside(parts[index], best, pieces)
    if aside is not None:
        return aside
    itself = _refusal_that_gives(gives, explicit)
    if itself is not None:
        return itself
    return _weigh(parts[index], best, explicit, specific, _last_decision(gives))


def _refusal_that_gives(gives: list[Judged], explicit: Judged) -> Judged | None:
    """The refusing clause that itself gives the part clearly is the answer: 「例はあるか」→
    「…事例については承知していない」 is a plain no."""
    return next((j for j in gives if j.piece is explicit.piece and j.strength >= STRONG), None)


def _last_decision(gives: list[Judged]) -> Judged | None:
    """The last clause that clearly decides the part (see `_weigh`)."""
    return next(
        (j for j in reversed(gives) if j.strength >= STRONG and j.piece and _DECIDES.search(j.piece.text)),
        None,
    )


# 「ご提案いただいた企画展示については、…参考とさせていただきます」: the proposal itself named, then
# set aside with a formula.
_NAMES_PROPOSAL = re.compile(
    r"^(?:なお、|また、)?(?:ご|御|いただいた|頂いた)?(?:提案|要望|提言)(?:いただいた|いただきました|頂いた|頂きました|の|された|のあった)?[^。]{0,20}(?:については|につきましては|に関しましては|は)"
)


# A decision on the request, as against an account of the usual practice (narrower than
# `_DECISION`: 「年間計画に沿って実施しています」 names a plan and decides nothing).
_DECIDES = re.compile(
    r"困難|難し|でき(ない|ず|ません|かね)|出来(ない|ません)|予定|こととし|ことにな|見送|"
    + _NOT_ACCEPTED
    + r"|しない|しません|いたしません|致しません|行いません|行わない|(し|いたし|致し|行い)ます(。|$)"
)


def _proposal_set_aside(ask: Ask, best: Judged | None, pieces: list[Piece]) -> Judged | None:
    """A request met only by an account of what is done already, and then the proposal
    itself named and set aside with a formula, is talked around: the formula is the reply to
    the proposal (a decision before it would have answered)."""
    if "request" not in ask.kinds or best is None or best.piece is None or _DECIDES.search(best.piece.text):
        return None
    after = (p for p in pieces if p.start > best.piece.start and p.move == "formula")
    aside = next((p for p in after if _NAMES_PROPOSAL.match(p.text)), None)
    return Judged("evasive", aside, 0.0) if aside is not None else None


def _gives_of(
    index: int, parts: list[Ask], pieces: list[Piece], ties: list[set[int]], given: list[list[float]]
) -> list[Judged]:
    """The clauses that give part `index`, in order, each with how clearly it does."""
    lonely = not any(index in tie for tie in ties) and any(ties)
    out = []
    # the parts given clearly by the sentences before this one: a part with no words of its
    # own, given in an earlier sentence, does not take the next one too (「…任意です。また、
    # どちらにも参加しないこともできます。」)
    settled: set[int] = set()
    current: set[int] = set()  # given by the sentence being read
    sentence = None
    several = len(parts) > 1  # (with one part there is no other to have settled)
    for piece, tie, row in zip(pieces, ties, given, strict=True):
        if several:
            if piece.sentence != sentence:
                settled |= current
                current, sentence = set(), piece.sentence
            current.update(j for j, s in enumerate(row) if s >= STRONG)
        if row[index] <= 0:
            continue
        # (a document sent with the reply answers every part it is pointed to for)
        if _belongs_elsewhere(index, parts, tie, row, lonely, settled) and not _ENCLOSED.search(piece.text):
            continue
        out.append(Judged("gives", piece, row[index]))
    return out


def _belongs_elsewhere(
    index: int, parts: list[Ask], tie: set[int], row: list[float], lonely: bool, settled: set[int]
) -> bool:
    """A clause about another part gives this one only if it clearly does; and a clause that
    names none of this part's own words goes to a part with no words of its own (「空き家は
    1,200件」 answers 「空き家の件数」, not 「うち危険な空き家の件数」)."""
    others = [(j, s) for j, s in enumerate(row) if j != index]
    unclear = row[index] < STRONG
    if unclear and (lonely or (tie and index not in tie) or any(s >= STRONG for _, s in others)):
        return True
    # (the kinds of one sub-question, 「いつ誰が書いたのか」, are not told apart by words)
    plainer = any(
        s >= STRONG and not parts[j].terms and parts[j].sub != parts[index].sub and j not in settled
        for j, s in others
    )
    return not tie and bool(parts[index].terms) and plainer


def _weigh(
    ask: Ask, best: Judged | None, explicit: Judged, specific: list[Piece], last: Judged | None
) -> Judged:
    """A part given, unless a refusal names it, or a request is met only by a description.
    `last` is the last clause that clearly decides it: a decision after a postponement
    (「協議を行っておりますが、…難しいと判断しています」) is the last word."""
    if best is None:
        return explicit
    if _no_before(best, explicit) or _conceded_then_given(explicit, best):
        return best
    if (
        _refused_in_particular(explicit, best, specific)
        or _withheld_after_but(ask, best, explicit)
        or _refused_then_presumed(best, explicit)
        or _refused_then_general(best, explicit)
        or _unable_for_another(best, explicit)
        or _every_point_put_off(ask, best, explicit)
    ):
        return explicit  # 「お尋ねの『速度』については差し控えたい」 outweighs a general account
    if not _open_ended(ask, best, explicit, last) or _refused_elsewhere(ask, best, explicit, specific):
        return best
    dominant = explicit.treatment in _DOMINANT and explicit.piece is not None
    return explicit if dominant and explicit.piece.move != "other_body" else best  # type: ignore[union-attr]


def _refused_elsewhere(ask: Ask, best: Judged, explicit: Judged, specific: list[Piece]) -> bool:
    """「件数は把握しておりませんが、対策として相談窓口を設置しております」 to 「件数は何件か。また、
    どのような対策を講じるのか」: the refusal names none of this part's words and the clause that
    does gives it, in the same sentence after 「が、」, so the refusal belongs to another part
    (a refusal after the clause, 「…承知している。しかしながら、…困難である」, is the last word)."""
    return (
        not ask.kinds
        and explicit.treatment == "refuses"
        and best.strength >= STRONG
        and best.piece in specific
        and explicit.piece not in specific
        and explicit.piece is not None
        and best.piece is not None
        and explicit.piece.sentence == best.piece.sentence
        and explicit.piece.start < best.piece.start
    )


def _withheld_after_but(ask: Ask, best: Judged, explicit: Judged) -> bool:
    """「…において把握されているものと承知しているが、政府としては把握していない」: what leads in
    with 「が、」 is background; the withholding right after it is the reply (the reverse of
    「一概にお答えすることは困難であるが、」 followed by the figure)."""
    if best.piece is None or explicit.piece is None or explicit.treatment != "refuses" or "why" in ask.kinds:
        return False  # (asked why it is not known, the withholding with its reason is the answer)
    if ask.is_yes_no and asks_whether_known(ask.text):
        # (asked whether it is known, 「報道は承知しているが、内容は承知していない」 is a no, and
        # 「…報道については承知しているが、…見解を述べることは差し控えたい」 a yes: the view
        # refused was not asked)
        return False
    if ask.is_yes_no and _restates_asked(ask, best.piece.text):
        return False  # (「同文書は存在するが、その内容は差し控えたい」: the yes is said first)
    return _leads_into(best, explicit)


def _leads_into(lead: Judged, after: Judged) -> bool:
    """Whether `lead` ends in 「…が、」 and `after` follows it in the same sentence."""
    if lead.piece is None or after.piece is None:
        return False
    return (
        lead.piece.text.endswith("が、")
        and after.piece.sentence == lead.piece.sentence
        and after.piece.start > lead.piece.start
    )


def _refused_then_presumed(best: Judged, explicit: Judged) -> bool:
    """「評価すべき立場ではないが、…政府方針に則って行われていると思う」: a refusal conceded, then
    only a statement presumed to answer; the refusal is the reply (a recognised answer after
    「一概にお答えすることは困難であるが、」 would have been given STRONG)."""
    return explicit.treatment == "refuses" and best.strength < STRONG and _leads_into(explicit, best)


# The general rule in place of the case asked: 「一般に」「一般論として」「原則として」, or how a
# system works (「…判定して行うものとされている」).
_GENERAL_RULE = re.compile(
    r"一般(に|的に|論として)|原則として|(もの|こと)とされて|ことが基本(である|です|となる|となって)"
)


def _refused_then_general(best: Judged, explicit: Judged) -> bool:
    """「特定の個人の合否の理由については…答えることはできないが、入学者選抜については…行う
    ものとされている」: the case asked is refused and only the general rule follows; the refusal
    is the reply (after 「一概にお答えすることは困難であるが、」 it is the fact asked that follows)."""
    if explicit.treatment != "refuses" or explicit.piece is None or best.piece is None:
        return False
    return (
        explicit.piece.sentence == best.piece.sentence
        and explicit.piece.start < best.piece.start
        and _GENERAL_RULE.search(best.piece.text) is not None
        # (「一律にお答えすることはできませんが、原則として…」: no single answer, and the rule is it)
        and _NO_SINGLE_ANSWER.search(explicit.piece.text) is None
    )


_NO_SINGLE_ANSWER = re.compile(r"(一概|一律)に")


# 「市では対応できません」「市独自での対応は困難です」: a no whose whole ground is that the
# matter is not the respondent's.
_UNABLE = re.compile(
    r"(では|としては|として|独自(で|に|の)?|単独(で|の)?)[^。、]{0,10}(でき(ない|ません|かね)|出来(ない|ません)|困難|難しい|いたしかね|致しかね|しかね)"
)


def _unable_for_another(best: Judged, explicit: Judged) -> bool:
    """「当該道路は県が管理する道路のため、市では対応できません」: the no only restates that
    another body is responsible, so passing the matter on is the reply (the guide's deflection:
    another body named and nothing of the respondent's own)."""
    if explicit.piece is None or best.piece is None or explicit.piece.move != "other_body":
        return False
    return (
        explicit.piece.start < best.piece.start
        and best.piece.sentence - explicit.piece.sentence in (0, 1)
        and _UNABLE.search(best.piece.text) is not None
    )


def _no_before(best: Judged, explicit: Judged) -> bool:
    """A clear no stated first decides: 「参加をしておりません。…代わりの仕組みを準備しているところ
    です」 answers; the postponement is of something else."""
    if best.piece is None or explicit.piece is None or explicit.treatment != "defers":
        return False
    return (
        best.strength >= STRONG
        and best.piece.start < explicit.piece.start
        and bool(_DECLINED_ACT.search(best.piece.text))
    )


# 「お尋ねの点を含め、その具体的な内容は、今後…調整していく」: a refusal or postponement of
# whatever was asked names every part.
EVERY_POINT_ASKED = re.compile(
    r"(お尋ねの|御質問の|ご質問の|御指摘の|ご指摘の)(点|件|事項|諸点)(を含め|については|は、|について)"
)


def _every_point_put_off(ask: Ask, best: Judged, explicit: Judged) -> bool:
    """A yes/no met by an account that says neither, and then every point asked put off or
    refused (「…事業を行うものである。…お尋ねの点を含め、…今後…調整していく」): the
    postponement is the reply to it too."""
    return (
        ask.is_yes_no
        and explicit.treatment in ("defers", "refuses")
        and explicit.piece is not None
        and best.piece is not None
        and bool(EVERY_POINT_ASKED.search(explicit.piece.text))
        and not _says_yes_or_no(ask, best.piece.text)
    )


def _refused_in_particular(explicit: Judged, best: Judged, specific: list[Piece]) -> bool:
    """A refusal naming the part outweighs a general account; another body named is not a
    refusal (「県道であり…市としても補修を要望し、来月補修される予定」 answers)."""
    named = explicit.piece is not None and explicit.piece.move != "other_body"
    return (
        explicit.treatment in _DOMINANT
        and named
        and explicit.piece in specific
        and best.piece not in specific
    )


def _conceded_then_given(explicit: Judged, best: Judged) -> bool:
    """「何年といったところまではまだ決まっていないが、…卒園するまでが最長で考えられる」: what
    is not settled is conceded, and the answer follows in the same sentence (the shape of
    「一概にお答えすることは困難であるが、」 followed by the figure)."""
    return explicit.treatment == "defers" and best.strength >= STRONG and _leads_into(explicit, best)


def _open_ended(ask: Ask, best: Judged, explicit: Judged, last: Judged | None) -> bool:
    """A request to act, or a question with no kind of its own, is answered by a decision;
    without one, 「検討してまいります」 or a refusal next to a description is the reply.  A step
    taken and then 「対応について検討してまいります」 leaves the request itself deferred.  So does
    a view asked of a proposal (「…公開することは可能だが、これについてどう考えるか」) met only by
    a statement presumed to give it and 「研究してまいりたい」."""
    if "view" in ask.kinds and best.strength < STRONG and explicit.treatment == "defers":
        return True
    if not set(ask.kinds) <= {"request"}:
        return False
    if best.strength < STRONG:
        return True
    if "request" not in ask.kinds:
        return not _in_progress(explicit)
    final = last.piece if last is not None else best.piece
    later = explicit.piece is not None and final is not None and explicit.piece.start > final.start
    return explicit.treatment == "defers" and later


# 「…の締結準備中であります」「調査研究を行っている」: work in hand, told as part of an account.
_PROGRESSIVE = re.compile(
    r"中(です|であります|である|でございます)|(て|で)(いる|います|おります|おる)(?!が)[。]?$"
)


def _in_progress(explicit: Judged) -> bool:
    """A postponement told as work now in hand, beside the account that answers; so is a
    passing-on told as the respondent's own ongoing act among others (「…支援のほか、保護者負担
    の軽減等を国に要望しています」)."""
    return (
        explicit.treatment in ("defers", "passes_on")
        and explicit.piece is not None
        and explicit.piece.move != "relays"
        and bool(_PROGRESSIVE.search(explicit.piece.text.rstrip()))
    )


def _only_aggregate(given: list[list[float]], index: int) -> bool:
    """「それぞれの内訳」 asked, and the answer breaks down only a total (「全体で…うち…」)."""
    return any(row[index] < 0 for row in given)


def _not_given(pieces: list[Piece]) -> Judged:
    for piece in pieces:
        if piece.move in _TREATMENT_OF:
            return Judged(_TREATMENT_OF[piece.move], piece, 0.0)
    for piece in pieces:
        if piece.move in ("conditional", "offer"):
            return Judged("conditional", piece, 0.0)
    said = [p for p in pieces if p.move in _QUIET]
    if said:
        formula = next((p for p in said if p.move is not None), said[0])
        return Judged("evasive", formula, 0.0)
    return Judged("nothing", None, 0.0)


def gives(ask: Ask, piece: Piece, lexicon: Lexicon) -> float:
    """How clearly `piece` gives what `ask` needs: STRONG, WEAK or 0 (-1: a total where a
    breakdown was asked)."""
    agg = lexicon.answer_gives.get("breakdown_aggregate")
    if "breakdown" in ask.kinds and agg is not None and agg.search(piece.text):
        return -1.0
    if piece.move is None:
        # the respondent's own substance; a topic with nothing after it is a reply cut off
        return 0.0 if _TOPIC_ONLY.search(piece.text) else _covers(ask, piece.text, lexicon)
    if piece.move == "refuses":
        if ask.is_yes_no and asks_whether_known(ask.text) and _AWARE.search(piece.text):
            return STRONG  # 「…承知しているか」→「…報道については承知しているが、」: a yes
        return _gives_reason_for_withholding(ask, piece)
    by_move = _GIVES_BY_MOVE.get(piece.move)
    given = by_move(ask, piece.text, lexicon) if by_move else 0.0
    if given < STRONG and piece.move == "formula":
        return max(given, _gives_after_formula(ask, piece, lexicon))
    return given


def _gives_after_formula(ask: Ask, piece: Piece, lexicon: Lexicon) -> float:
    """A formula that only opens the clause, the rest being the body's own decision
    (「安全を最優先に考え、自転車通園は認めておりません」), or only closes it after one."""
    hit = piece.hit()
    if hit is None or len(piece.hits) > 1:
        return 0.0
    if _carries_on_the_asked_act(ask, hit.text):
        return STRONG
    before = piece.text[: hit.start - piece.start]
    if before.endswith(("が、", "ので、", "ため、")) and _covers(ask, before, lexicon) >= STRONG:
        return STRONG  # 「ご要望には沿いかねますが、ご理解賜りますよう…」: the plea closes a decision
    rest = piece.text[hit.end - piece.start :]
    comma = rest.find("、")
    if comma < 0 or comma > 6 or len(rest) - comma < 8:
        return 0.0
    return STRONG if _covers(ask, rest[comma + 1 :], lexicon) >= STRONG else 0.0


# 「引き続き、…応急給水訓練を積極的に進めてまいります」 to 「応急給水訓練を積極的に行っていくべき」.
_CARRY_ON = re.compile(r"^引き続き")
_ACT_TERM = re.compile(r"[一-龥ァ-ヴー]{4,}")
_DOING = re.compile(r"(進めて|実施して|行って|推進して)$")  # not an effort (努めて, 取り組んで, 図って)


def _carries_on_the_asked_act(ask: Ask, said: str) -> bool:
    """「引き続き…進めて」 is a formula, unless what it carries on is the very act the request
    names: then it says yes to the request (a commitment to go on doing what was asked)."""
    if "request" not in ask.kinds or not _CARRY_ON.match(said) or not _DOING.search(said):
        return False
    return any(_ACT_TERM.fullmatch(term) and f"{term}を" in said for term in ask.terms)


def _gives_deferring(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """「検討中」 when asked what the body is doing; 「〇月に公表する予定」 when asked when; and
    「…とされたことから、検討を進めているところ」 when asked why it has not been done yet."""
    if "doing" in ask.kinds or ("when" in ask.kinds and _DATE.search(text) and not _dates_a_study(ask, text)):
        return STRONG
    if ask.is_yes_no and any(m.group(1) in ask.text for m in _NOT_THIS_BUT.finditer(text)):
        return STRONG  # 「廃止する考えか」→「廃止するのではなく、…見直しを検討する」: a no, then a study
    if ask.is_yes_no and any(m.group(0) in ask.text for m in _UNSETTLED.finditer(text)):
        return STRONG  # 「帰属は未定との立場は変わっていないか」→「…帰属は未定であるとの立場である」
    why = lexicon.answer_gives.get("why")
    not_yet = "why" in ask.kinds and _NOT_DONE.search(ask.text)
    return STRONG if not_yet and why is not None and why.search(text) else 0.0


# The basis of a figure: 「算定根拠」「積算根拠」「算出の根拠」.
_BASIS_OF_A_FIGURE = re.compile(r"(算定|積算|算出|計算|試算)(の)?根拠")
# What is unsettled, asked about as such: the postponement is the fact asked.
_UNSETTLED = re.compile(r"未定|未決定|検討中|協議中|調査中|審議中|継続審議")


# Deliberation verbs: a date given for one of them is when the study ends, not when the thing
# asked about happens (「いつ設置するのか」→「来年度に検討する予定です」).
_STUDY = re.compile(r"検討|協議|調査|研究|審議|議論|結論|判断|諮|調整|精査|見極め")


def _dates_a_study(ask: Ask, text: str) -> bool:
    """Whether the date in a postponement is the date of a study the question did not ask about."""
    return bool(_STUDY.search(text)) and not _STUDY.search(ask.text)


# 「この方針が実行されなかった理由は何か」: why something has not happened.
_NOT_DONE = re.compile(
    r"(され|し|行われ|実行され|実施され|でき|進ま)(なかった|ない|ていない)(の|理由|こと|わけ)"
)


def _gives_naming(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """「管理者は誰か」→「県が管理する県道である」: naming the body is the answer; so is the
    date or figure asked for, told of the other body (「東京都が作成し、平成二十六年三月に公表」)."""
    asks_remit = ask.is_yes_no and _REMIT.search(ask.text)
    if "who" in ask.kinds or asks_remit:
        return STRONG
    return _gives_despite_formula(ask, text, lexicon)


def _gives_not_knowing(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """「把握しているか」→「把握していない」 is a plain no; to a question that names the gap
    itself (「何ゆえ把握していないのか」) 「把握していない」 with its reason is the answer."""
    if "why" in ask.kinds and _GAP_IN_QUESTION.search(ask.text):
        return STRONG
    if (ask.is_yes_no or not ask.kinds) and _PRECEDENT.search(ask.text) and _PRECEDENT_WORD.search(text):
        return STRONG  # 「立ち会った例はあるか」→「そのような事例は承知していない」: a plain no
    if ask.is_yes_no and _ASKS_RECORD.search(ask.text):
        return STRONG  # 「同文書は存在するか」→「同文書は存在しない」: a plain no
    if ask.is_yes_no and _KNOWN_NOT_SO.search(text):
        return STRONG  # 「仮訳を作成しているか」→「仮訳が存在しているとは承知していない」: a no
    return STRONG if ask.is_yes_no and _KNOWING.search(ask.text) else 0.0


# Whether a record exists or was made: 「同文書は存在するか」「報告書を作成したか」 (the not_known
# entries name 資料・データ・記録・統計・文書).
_ASKS_RECORD = re.compile(
    r"(資料|データ|記録|統計|文書|書類|議事録|メモ|報告書|マニュアル|規程|要綱|基準|計画書)[^。、]{0,12}"
    r"(存在|ある|あります|あった|作成|保有|保存|残って|残され)"
)
_PRECEDENT = re.compile(
    r"(例|事例|前例|先例|ケース)(は|が)(ある|あった|あります|ありました|存在)"
    r"|(した|された|行った)ことが(ある|あった|あります|ありました)"  # 「緊急発進をしたことがあるのか」
)
_PRECEDENT_WORD = re.compile(r"例(?!えば)|ケース")
# 「…が存在しているとは承知していない」: the fact asked about, said not to be so as far as known.
_KNOWN_NOT_SO = re.compile(
    r"(いる|ある|した|された|存在する)(と|とは)(は)?(承知|把握)(して|いたして)(いない|おりません|おらず)"
)


def _gives_view(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """A stated view answers 「見解を示されたい」; to a yes/no question only if it says yes or no
    (「回避できるものと考えている」 does not)."""
    if "view" in ask.kinds:
        return STRONG
    if not ask.kinds:
        return WEAK if _substantial(text) else 0.0
    if ask.is_yes_no:
        said = _EXPLICIT_YES_NO.search(text) or _affirms_asked(ask, text) or _echoed_with_polarity(ask, text)
        return STRONG if said else 0.0
    return STRONG if all(_kind_given(k, ask, text, lexicon) for k in ask.kinds) else 0.0


# 「必要な予算は確保されていると認識しているのか」→「必要な予算を確保しているものと認識している」:
# the view holds the very predicate asked about, so it says yes; 「重要と考えている」 does not.
_HELD_PREDICATE = re.compile(
    r"([一-龥]{2,})(?:して|されて|されており|しており|であり|したい|いたしたい|致したい)?(?:いる|おる|ある|いない|おらず)?(?:もの|こと)?と(?:認識|考え|判断)"
)
_GENERAL_PREDICATES = frozenset(
    {"重要", "必要", "大切", "適切", "適当", "有効", "肝要", "有意義", "課題", "検討", "努力", "承知", "理解"}
)


def _affirms_asked(ask: Ask, text: str) -> bool:
    match = _HELD_PREDICATE.search(text)
    if match is None:
        return False
    predicate = match.group(1)[-2:]
    if predicate in _GENERAL_PREDICATES:
        # 「重要と考えるか」→「重要と考えており」: the general word is itself what was asked
        return re.search(predicate + r"(?:だ|である|であると)?と(?:考え|認識|思)", ask.text) is not None
    return predicate in ask.text


# 「砂利敷の駐車場となることにご理解願います」: the outcome is stated, the plea only softens it;
# so is a no put as a fact (「防犯上設置しているものではないのでご理解ください」) or as a limit
# the body keeps (「一定の範囲で制限を設けさせていただいておりますのでご了承ください」).
_OUTCOME_TO_ACCEPT = re.compile(
    r"(?:と|に)(?:なる|なります|なっている|させていただく|いたします|する)(?:こと|旨|点)(?:に|を|について)(?:は)?(?:ご|御)?(?:理解|了承|了解|承知)"
    r"|(?:ない|ません|ず)(?:ので|ため)、?(?:ご|御)?(?:理解|了承)"
    r"|(?:制限|規制|禁止|限定|お断り|遠慮)[^。]{0,30}(?:おります|います)(?:ので|ため)、?(?:ご|御)?(?:理解|了承)"
    # 「…成人の日の前日の日曜日としておりますので御理解のほど」: a standing decision to accept;
    # 「…調整するよう指示しましたのでご理解を」: a step taken, to accept
    r"|(?:と|に)(?:して|いたして|させていただいて|なって|されて)(?:おります|います)(?:ので|ため)、?(?:ご|御)?(?:理解|了承)"
    r"|(?:いたし|致し|し)ました(?:ので|ため)、?(?:ご|御)?(?:理解|了承)"
    r"|(?:した|いたした|致した)ところ(?:です|でございます)?(?:ので|ため)、?(?:ご|御)?(?:理解|了承)"
)


# A step promised for a stated time: 「9月下旬に」「年度内に」「来年度から」.
_SCHEDULE = re.compile(
    r"[0-9０-９一二三四五六七八九十]+月(上旬|中旬|下旬|中|末|頃|ごろ)?(に|まで|から|を目途|を目処)"
    r"|(上旬|中旬|下旬)(に|まで|から)|年度(内|中|末)(に|まで)?|(今|来|次)年度(に|中|から|内)"
)
_STEP = re.compile(r"開始|着手|実施|完了|設置|修繕|補修|整備|改修|撤去|工事|交換|終え|行う|行い")
_TOWARD_COMPLETION = re.compile(
    r"(早期|早急な|一日も早い|速やかな)(の)?(供用|完成|開通|着工|竣工|実現|再開|開業|事業化)(開始)?に向け"
)
# how things stand, not a step promised: 「今年度からは…市町村が主体となって実施されています」
_STANDING = re.compile(r"(され|し|て|で)(い|お)(ます|る|ります)。?$")


def _gives_despite_formula(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """A formula or hedge gives nothing, unless the figure or date asked for stands in it,
    a request is met by the outcome the plea asks the asker to accept, or the step asked for is
    promised with its date."""
    if "request" in ask.kinds and _OUTCOME_TO_ACCEPT.search(text):
        return STRONG
    if ask.is_yes_no and _OUTCOME_TO_ACCEPT.search(text) and _EXPLICIT_YES_NO.search(text):
        return STRONG  # 「…取得する予定はございませんのでご理解願います」: a plain no, softened
    if (
        "request" in ask.kinds
        and _SCHEDULE.search(text)
        and _STEP.search(text)
        and not _STANDING.search(text)
    ):
        return STRONG  # 「9月下旬に工事を開始し10月中旬に終えるよう努めてまいります」: a dated commitment
    if "request" in ask.kinds and _TOWARD_COMPLETION.search(text):
        return STRONG  # 「早期供用に向けて努めていきます」: the work asked for, committed to its end
    concrete = {"quantity", "when"} & set(ask.kinds)
    return STRONG if concrete and all(_kind_given(k, ask, text, lexicon) for k in concrete) else 0.0


def _gives_elsewhere(ask: Ask, text: str, lexicon: Lexicon) -> float:
    """「上記のとおり」「説明会等において説明しています」 give nothing asked here, except the
    way or the doing asked about (「どのように説明しているのか」)."""
    if {"how", "doing"} & set(ask.kinds) or _ENCLOSED.search(text):
        return STRONG  # (「別添資料参照」: the answer is in the document sent with the reply)
    return _gives_despite_formula(ask, text, lexicon)


# The question names the withholding itself: 「公開しない理由は何か」「閲覧させないのはなぜか」.
_WITHHOLDING_IN_QUESTION = re.compile(
    r"(公開|公表|開示|提供|閲覧|説明|回答|答弁|提出|出席|明らかに)(さ|し|させ|でき|され)?(ない|ず|なかった)"
    r"|(拒ん|拒否して|差し?控えて|控えて)(いる|いた)|(拒否|差し?控え|控え)た(の|理由)"  # 「見解を拒んでいるのはなぜか」
)


# A standing decision not to publish: 「…ことから、ヒアリング結果は公開しないこととしている」.
_POLICY_NOT_TO = re.compile(r"(公開|公表|開示)(さ|し)ない(こととして|こととし|こととなって|方針)")


def _gives_reason_for_withholding(ask: Ask, piece: Piece) -> float:
    """To 「公開しない理由は何か」 the respondent's own account that leads into the refusal is
    the reason asked for; a stock ground (「機密情報であるため」「セキュリティ上」) is not.
    To a request to publish (「全面公開すべきではないか」), a standing decision not to is the
    clear no that answers it."""
    policy = _POLICY_NOT_TO.search(piece.text)
    if ask.kinds == ("request",) and policy and policy.group(1) in ask.text:
        return STRONG
    own_account = not any(h.move in ("refuses", "not_known") for h in piece.hits)
    asked = "why" in ask.kinds and _WITHHOLDING_IN_QUESTION.search(ask.text)
    return STRONG if own_account and asked else 0.0


_GIVES_BY_MOVE: dict[Move, Callable[[Ask, str, Lexicon], float]] = {
    "defers": _gives_deferring,
    "other_body": _gives_naming,
    "not_known": _gives_not_knowing,
    "stance": _gives_view,
    "formula": _gives_despite_formula,
    "refers": _gives_elsewhere,
    "unclear": _gives_despite_formula,
    "hedge": _gives_despite_formula,
}


def _substantial(text: str) -> bool:
    return len(_CONTENT.findall(text)) >= 8


# 「別添資料参照」「別紙のとおり」: the information is given, in a document sent with the reply.
_ENCLOSED = re.compile(
    r"(別添|別紙|別表|別記|添付(した|の)?(資料|書類|表)?)[^。]{0,12}(参照|のとおり|の通り|をご覧|を御覧)"
)


# The number of a law or of an earlier reply cited in brackets (「(昭和三十九年法律第百六十七号)」
# 「(平成十九年十二月十八日内閣衆質一六八第三〇九号)」) is no figure or date given.
_CITATION = re.compile(r"[（(][^（）()]{0,60}?第[一二三四五六七八九十百千〇0-9０-９]+号[）)]")


_CITED_NUMBERS_MISLEAD = frozenset({"quantity", "when"})


def _without_citations(text: str) -> str:
    return _CITATION.sub("", text) if "号" in text else text


def _covers(ask: Ask, text: str, lexicon: Lexicon) -> float:
    if _ENCLOSED.search(text):
        return STRONG
    if not ask.kinds:
        return STRONG if _substantial(text) else WEAK
    if len(ask.kinds) == 1 and ask.kinds[0] in _PRESUMED:
        return STRONG if _kind_given(ask.kinds[0], ask, text, lexicon) else _presumed(ask.kinds[0], text)
    given = [k for k in ask.kinds if _kind_given(k, ask, text, lexicon)]
    if len(given) == len(ask.kinds):
        return STRONG
    return WEAK if given else 0.0


def _presumed(kind: str, text: str) -> float:
    """WEAK for a statement (not a lead into one) to a question a statement may answer."""
    final = not text.rstrip().endswith(("、", ","))
    return WEAK if _PRESUMED[kind] == "any" and final and _substantial(text) else 0.0


# An act the respondent states it already does or did: 「…表記するよう許可条件に付しております」.
# Already open to the asker: 「…ホームページでご覧いただけます」.
_OPEN_TO_READ = r"(ご覧|御覧|閲覧|ご確認|御確認)(いただけ|頂け|になれ)(ます|る)"
_OWN_ACT = re.compile(
    r"(て|で)(おり|居り|い)(ます|る)(?!か)|(いたし|致し|し)ました|(た|だ)。|てあり(ます|ましたので)"
    # what is already there or already open to the asker: 「…端末がございます」
    r"|が(ございます|あります)(。|$)|" + _OPEN_TO_READ
)


# 「…行っておりますが、」「…駐車されていることを」「…しているのは」: the act leads into a
# contrast or is the object of another verb (but 「…置いておりますので、ご利用下さい」 states it).
_OBJECT_OF_ANOTHER_VERB = re.compile(r"が|こと|の(?!で)")
# Having looked is not having acted (the lexicon's 「…しました」 step holds the same).
_ONLY_LOOKED = re.compile(r"(確認|拝見|拝読|把握)(を)?$")


def _already_done(ask: Ask, text: str) -> bool:
    """A request met by what the respondent already does about the very thing asked: the act
    stated, repeating three two-character runs of the request's words (「貨物自動車を出すべき」→「トラック
    も配置し、貨物輸送も併せ実施しております」 shares 貨物 and 輸送/自動車...)."""
    # (an act that only leads into a contrast, 「…行っておりますが、」, or is only the object of
    # another verb, 「…駐車されていることを」, is not stated as the reply; having looked,
    # 「現地を確認しました」, is not having acted)
    if not _own_acts(text):
        return False
    return _shared_bigrams(ask.text, text) >= 3


# What others do for the respondent (「地域の皆様にご活用いただいております」): no account of the
# respondent's own acts, though asking it of them may be the reply to a request (「連帯保証人1人を
# 選任していただいているところです」).
_DONE_BY_OTHERS = re.compile(r"(いただ|頂|もら)(い|っ)?$")


def _own_acts(text: str) -> list[re.Match[str]]:
    """The acts a clause states as the respondent's own and as the reply."""
    return [
        m
        for m in _OWN_ACT.finditer(text)
        if not _OBJECT_OF_ANOTHER_VERB.match(text, m.end()) and not _ONLY_LOOKED.search(text, 0, m.start())
    ]


# The volitional form of an act: 「仕入れていこうと思います」「設けようと考えています」 (a study,
# 「検討しようと考えています」, is a postponement: the lexicon's defers).
_VOLITIONAL = re.compile(
    r"(?<!検討し)(?<!研究し)(?<!協議し)(?<!調整し)(?<!努力し)(よう|こう|そう|ろう|ごう)と(思|考え)"
)


def _shared_bigrams(asked: str, said: str) -> int:
    """How many two-character runs of the request's words the reply repeats."""
    pairs = [{w[i : i + 2] for w in WORD.findall(text) for i in range(len(w) - 1)} for text in (asked, said)]
    return len(pairs[0] & pairs[1])


def _intends_asked_act(ask: Ask, text: str) -> bool:
    """A request met by the intent to do the very act asked: the intent stated, repeating two
    two-character runs of the request's words (「継続的に仕入れて頂けると」→「継続的に仕入れていこうと思います」)."""
    if not _VOLITIONAL.search(text):
        return False
    return _shared_bigrams(ask.text, text) >= 2


def _kind_given(kind: str, ask: Ask, text: str, lexicon: Lexicon) -> bool:
    if kind in _CITED_NUMBERS_MISLEAD:
        text = _without_citations(text)
    special = _KIND_CHECKS.get(kind)
    if special is not None:
        found = special(ask, text, lexicon)
        if found is not None:
            return found
    pattern = lexicon.answer_gives.get(kind)
    if pattern is not None and pattern.search(text):
        # a step taken answers a request only if it is the step asked for (開催してほしい →
        # 「ホームページで公表しております」 is another step); a decision either way always does
        return (
            kind != "request" or not ask.stem or _names_asked_act(ask, text) or bool(_DECISION.search(text))
        )
    if kind == "request" and (_already_done(ask, text) or _intends_asked_act(ask, text)):
        return True
    if kind == "why":
        return _reason_given_otherwise(ask, text, lexicon)
    return pattern is None


def _reason_given_otherwise(ask: Ask, text: str, lexicon: Lexicon) -> bool:
    """A why-question answered without the words of a reason: 「減価償却費の算定根拠」 by how the
    figure was worked out, 「説明していないのはなぜか」 by 「説明しています」."""
    if _BASIS_OF_A_FIGURE.search(ask.text):
        how = lexicon.answer_gives.get("how")
        if how is not None and how.search(text):
            return True
    if re.search("ない(の|こと|理由|わけ)", ask.text):
        rejected = lexicon.answer_gives.get("premise_rejected")
        return bool(rejected and rejected.search(text))
    return False


# The predicate a yes/no question ends on, without its question mark: 「…秘密指定がなされているか」.
_ASKED_TAIL = re.compile(r"(?:のです|んです|のでしょう|でしょう|ですか|ますか)?(?:か|のか)[。?？\s]*$")
_HELD_AFTER = re.compile(r"(?=[。、]|$|が、|ので|ため|ところ|もの|こと)")
_KANJI = re.compile(r"[一-龥]")


def _restates_asked(ask: Ask, text: str) -> bool:
    """「報告書には秘密指定がなされているか」→「同文書には秘密指定がなされている。」: the
    question's own words and predicate said back, as a statement, are a yes."""
    tail = _ASKED_TAIL.search(ask.text)
    if tail is None:
        return False
    asked = ask.text[: tail.start()]
    for size in range(min(len(asked), 14), 5, -1):
        said = asked[-size:]
        if len(_KANJI.findall(said)) < 2:
            continue
        at = text.find(said)
        if at >= 0 and _HELD_AFTER.match(text, at + size):
            return True
    return False


# A yes or a no said right after the words echoed: 「…は生じていない」「…が含まれている」.
_POLAR_AFTER = re.compile(
    r"(?:は|が|も)?(?:(?!と)[ぁ-ん一-龥]){0,8}?(?:ない|なかった|ません|ありません|おらず|ある|あった|あります|いる|います|おります)"
    r"(?:もの)?(?:と(?:認識|考え|承知|判断)[ぁ-ん]*)?(?:[。、]|$)"
)
_ECHO_MIN = 5
_CONTENT_CHAR = re.compile(r"[一-龥ァ-ヴー]")  # (a run of kana particles echoes nothing)


def _echoed_with_polarity(ask: Ask, text: str) -> bool:
    """「行政上無駄なコストになっていることはないか」→「行政上無駄なコストは生じていないものと
    認識している」: a run of the question's own words (five characters or more, three of them
    kanji or katakana) said back and followed at once by a yes or a no is the answer to the yes/no question."""
    tail = _ASKED_TAIL.search(ask.text)
    asked = ask.text[: tail.start()] if tail else ask.text
    seeds = {asked[i : i + _ECHO_MIN] for i in range(len(asked) - _ECHO_MIN + 1)}
    at = 0
    while at <= len(text) - _ECHO_MIN:
        if text[at : at + _ECHO_MIN] not in seeds:
            at += 1
            continue
        end = at + _ECHO_MIN  # the run said back, as long as the question has it
        while end < len(text) and text[at : end + 1] in asked:
            end += 1
        said = text[at:end]
        if len(_CONTENT_CHAR.findall(said)) >= 3 and _POLAR_AFTER.match(text, end):
            return True
        at = end
    return False


# The acts a request names: 「歩道を整備し安全を確保してほしい」 asks 整備 as well as 確保.
_ACTS = re.compile(r"([一-龥]{2,})(?:を)?(?:し|する|され|いたし)")


# Conduct asked of others (「もう少し周囲を考えて行動していただきたい」): what the respondent can
# do about it is to instruct them, and an instruction given is the step asked for.
_CONDUCT_ASKED = re.compile(
    r"行動|運転|走行|態度|マナー|接遇|接客|言動|振る舞|ふるまい|対応の仕方|言葉遣い|駐車|喫煙|雑談|私語|服務"
)
_INSTRUCTED = re.compile(r"指導|注意喚起|注意を喚起|周知|注意を促|徹底|研修|教育")


# Asked to publish, and told where it can be read already.
_PUBLISH_ASKED = re.compile(r"公表|公開|掲載|周知|情報提供|知らせ")
_CAN_BE_READ = re.compile(_OPEN_TO_READ)


def _names_asked_act(ask: Ask, text: str) -> bool:
    return (
        bool(ask.stem and ask.stem in text)
        or any(m.group(1)[-2:] in text for m in _ACTS.finditer(ask.text))
        or bool(_CONDUCT_ASKED.search(ask.text) and _INSTRUCTED.search(text))
        or bool(_PUBLISH_ASKED.search(ask.text) and _CAN_BE_READ.search(text))
        or bool(ask.stem in _ANY_STEP and _STEP_TAKEN.search(text))
    )


# 「何か対策をしてください」「改善してほしい」: any step the respondent took on it is the step asked.
_ANY_STEP = frozenset({"対策", "対応", "対処", "改善", "措置", "善処"})
_STEP_TAKEN = re.compile(r"(行い|実施し|いたし|致し|講じ)ました(。|$)")


def _choice_given(ask: Ask, text: str, lexicon: Lexicon) -> bool | None:
    return any(word in text for word in ask.alternatives)


def _breakdown_given(ask: Ask, text: str, lexicon: Lexicon) -> bool | None:
    quantity = lexicon.answer_gives.get("quantity")
    listed = quantity is not None and sum(1 for _ in quantity.finditer(text)) >= 2
    pair = _EACH_OF_TWO.search(ask.text)
    each = pair is not None and all(word[-2:] in text for word in pair.groups())
    return listed or each or bool(re.search("うち|それぞれ|内訳|別", text))


# 「メリットとデメリットにはそれぞれどのようなものがあるか」: each of the two named is the breakdown.
_EACH_OF_TWO = re.compile(
    r"([一-龥ァ-ヴー]{2,})と([一-龥ァ-ヴー]{2,})(?:に|の|で|について)?(?:は)?、?それぞれ"
)


def _yes_no_given(ask: Ask, text: str, lexicon: Lexicon) -> bool | None:
    """An outright yes or no, or the very act asked about taken up (調査したか → 調査); a
    statement about something else is beside a yes/no question.  None: judge by pattern."""
    outright = (
        bool(_EXPLICIT_YES_NO.search(text)) or _restates_asked(ask, text) or _echoed_with_polarity(ask, text)
    )
    if not outright and not ask.stem:
        return None
    return outright or ask.stem in text  # type: ignore[operator]


# A period that only dates a figure: 「平成二十一年度において、三百十二件である」.
_DATED_FIGURE = re.compile(
    r"(?:平成|令和|昭和)?(?:[0-9０-９]+|[一二三四五六七八九十元]+)\s*(?:年度|年|月)(?:末|中|分)?(?:現在)?(?:において|には|では|は|の|で)?、?"
    r"(?:[^。、]{0,8}?(?:は|が|で|、))?(?=[0-9０-９一二三四五六七八九十百千]+[^。]{0,3}?(?:件|名|人|円|回|か所|カ所|箇所|団体|社|校|施設|世帯|%|％))"
)


def _when_given(ask: Ask, text: str, lexicon: Lexicon) -> bool | None:
    """A date that only says which period a figure counts does not say when the thing asked
    about happens or will happen (「いつまでに措置を講ずるのか。また、件数は」→「平成二十一年度
    において、三百十二件である」), unless the text names what was asked about.  None: judge
    by pattern."""
    pattern = lexicon.answer_gives.get("when")
    if "quantity" in ask.kinds or pattern is None or not _DATED_FIGURE.search(text):
        return None
    if pattern.search(_DATED_FIGURE.sub("", text)) or any(term in text for term in ask.terms):
        return None
    return False


_KIND_CHECKS: dict[str, Callable[[Ask, str, Lexicon], bool | None]] = {
    "when": _when_given,
    "choice": _choice_given,
    "breakdown": _breakdown_given,
    "yes_no": _yes_no_given,
}
