"""One test per rule of the labelling guide (shared/labels.md), with invented exchanges.

Each case is a question and an answer written for this file, in the register named; none is
taken from a real reply.  The label asserted is the one the guide gives.  These test the
rules' reading (`read_by_rules`); what the resemblance to labelled replies may change on top of it is tested
in tests/test_resemblance.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from followup.errors import RecordError
from followup.records import Item
from followup.triage import UNCERTAIN_BELOW, load_lexicon
from followup.triage.classify import read_by_rules
from followup.triage.clauses import cut
from followup.triage.questions import analyse, asks, split_subquestions


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def judge(lexicon, question: str, answer: str | None):
    return read_by_rules(Item(ref="1", question=question, answer=answer), lexicon)


# --- mixing rules ------------------------------------------------------------------------


def test_some_parts_answered_others_not_known_is_partial(lexicon):
    v = judge(lexicon, "相談件数と、その内訳を示されたい。", "相談件数は30件です。内訳は集計していません。")
    assert v.label == "partial"
    assert any("内訳" in u for u in v.unanswered)
    assert any("内訳" in r and "集計していません" in r for r in v.reasons)
    given = [p for p in v.parts if p.treatment == "gives"]
    refused = [p for p in v.parts if p.treatment == "refuses"]
    assert [p.kinds for p in given] == [("quantity",)] and "内訳" in refused[0].text


def test_refusal_because_of_a_postponement_is_deferred(lexicon):
    v = judge(lexicon, "事故の原因は何か。", "現在、設備の点検中のため、回答を差し控えます。")
    assert v.label == "deferred"
    assert v.trigger == "設備の点検中のため、回答を差し控えます"


def test_not_known_hence_difficult_as_the_whole_is_declined(lexicon):
    v = judge(lexicon, "相談件数は何件か。", "件数については把握していないため、お答えすることは困難である。")
    assert v.label == "declined"


def test_bare_not_known_for_one_part_of_several_is_partial(lexicon):
    v = judge(
        lexicon,
        "申請件数と、その審査期間を示されたい。",
        "申請件数は45件です。審査期間は把握しておりません。",
    )
    assert v.label == "partial"
    assert any("審査期間" in u for u in v.unanswered)


def test_other_body_named_with_own_substance_is_answered(lexicon):
    v = judge(
        lexicon,
        "市道〇〇線の舗装の傷みを直してほしい。",
        "当該道路は県道ですが、市としても県に補修を要望し、10月に補修工事が実施される予定です。",
    )
    assert v.label == "answered"


def test_only_the_other_body_relayed_is_deflected(lexicon):
    v = judge(
        lexicon,
        "交差点に信号機を設置してほしい。",
        "警察によりますと、当該交差点への信号機の設置は現在のところ予定していないとのことでございます。",
    )
    assert v.label == "deflected"


def test_relayed_is_deflected_even_when_passing_on_was_asked(lexicon):
    v = judge(
        lexicon,
        "夜間の暴走行為について、警察に伝えてほしい。",
        "警察に確認したところ、巡回を強化しているとのことでございます。",
    )
    assert v.label == "deflected"


def test_one_part_answered_another_passed_on_is_partial(lexicon):
    v = judge(
        lexicon,
        "公園の遊具はいつ修理するのか。また、前面道路に速度規制をかけてほしい。",
        "遊具は来月中旬に修理します。速度規制については、所轄の警察署にお伝えいたします。",
    )
    assert v.label == "partial"
    assert any("速度規制" in u for u in v.unanswered)
    assert [p.treatment for p in v.parts] == ["gives", "passes_on"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("本件について調査を行うのか。", "調査を行う考えはない。"),
        ("横断歩道を設置してほしい。", "設置する予定はありません。"),
    ],
)
def test_a_decision_without_reason_is_answered(lexicon, question: str, answer: str):
    assert judge(lexicon, question, answer).label == "answered"


@pytest.mark.parametrize(
    "answer",
    ["本件について、特にコメントする予定はありません。", "政府としてお答えする立場にない。"],
)
def test_declining_to_comment_is_declined(lexicon, answer: str):
    assert judge(lexicon, "この判決をどう受け止めているのか。", answer).label == "declined"


def test_a_question_that_anticipates_the_gap_is_answered(lexicon):
    v = judge(
        lexicon, "把握していないとすれば、調査する考えはあるか。", "把握しておらず、調査を行う考えもない。"
    )
    assert v.label == "answered"


def test_supposing_the_meaning_of_the_askers_term_then_answering_is_answered(lexicon):
    v = judge(
        lexicon,
        "政府は、本制度を実質的に廃止したのか。",
        "お尋ねの「実質的に廃止」が制度の運用を停止したことを意味するものであるとすれば、そのような事実はない。",
    )
    assert v.label == "answered"


def test_a_yes_under_an_unstated_condition_is_conditional(lexicon):
    v = judge(
        lexicon,
        "今回の障害は設定の誤りによるものと理解してよいか。",
        "ご指摘の状況であれば、そのとおりです。",
    )
    assert v.label == "conditional"
    assert v.trigger == "ご指摘の状況であれば、そのとおりです"


def test_we_will_consider_it_to_a_request_to_act_is_deferred(lexicon):
    v = judge(lexicon, "歩道の段差を直してほしい。", "現地の状況を確認し、対応を検討してまいります。")
    assert v.label == "deferred"
    assert "検討してまいります" in v.trigger


@pytest.mark.parametrize(
    "answer",
    ["街の状況を見ながら検討をしていく。", "具体的な検討を進めていく。", "今後研究していく考えである。"],
)
def test_we_will_consider_it_in_plain_form_is_deferred(lexicon, answer: str):
    # the plain register of town-meeting summaries and council answers: 「…していく」
    # for 「…してまいります」, also when the request itself was to consider it
    v = judge(lexicon, "通学路の歩きたばこの対策を検討してほしい。", answer)
    assert v.label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "ベンチの増設については、利用状況を踏まえて精査することとしています。",
        "ベンチの増設については、利用状況を踏まえて検証していく予定です。",
        "ベンチの増設については、検証を行う予定としております。",
        "ベンチの増設については、地域の皆様と議論したいと考えています。",
    ],
)
def test_a_study_by_any_of_its_names_is_deferred(lexicon, answer: str):
    # 精査・検証・議論 are studies as 検討 is, in the same conjugations
    assert judge(lexicon, "公園にベンチを増やしてほしい。", answer).label == "deferred"


def test_asking_another_body_to_do_it_is_passing_on(lexicon):
    # 「…出張所に、きれいに除雪をしていただくようお伝えしました」: the act asked for is put to the
    # body that manages the road, however long the request relayed
    v = judge(
        lexicon,
        "国道の歩道をもう少しきれいに除雪をしてください。",
        "国道の除雪は国の管理となっておりますので、国道維持出張所に、歩道も含めてきれいに除雪をしていただくようお伝えしました。",
    )
    assert v.label == "deflected"


# The plain register of meeting summaries and committee minutes (「…伝える」「…協議する」) makes
# the same moves as the polite one (「…お伝えいたします」「…協議してまいります」).
@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("ガードレールについては関係機関に伝える。", "deflected"),
        ("ガードレールについては県に要望する。", "deflected"),
        ("ガードレールについては県の管理である。", "deflected"),
        ("ガードレールの設置は県が判断する。", "deflected"),
        ("ガードレールについては関係機関と協議する。", "deferred"),
        ("ガードレールについては状況を見て判断する。", "deferred"),
        ("ガードレールについては努力する。", "evasive"),
        ("ガードレールについては、要望として承る。", "evasive"),
        ("ガードレールは来年度に設置する。", "answered"),
    ],
)
def test_the_plain_register_of_a_meeting_summary(lexicon, answer: str, label: str):
    assert judge(lexicon, "堤防道路にガードレールを設置してほしい。", answer).label == label


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("今後も署員が部活動の指導に参加する形で、交流を継続していきたいと考えている。", "answered"),
        ("今後の交流の在り方については、検討していきたいと考えている。", "deferred"),
    ],
)
def test_the_act_asked_promised_in_the_plain_register(lexicon, answer: str, label: str):
    # 「…継続していきたいと考えている」 promises the act asked for, as 「…と考えております」 does
    assert judge(lexicon, "地域に根ざした警察の姿勢を今後も継続してほしい。", answer).label == label


def test_a_site_check_is_not_the_step_asked_for(lexicon):
    # having looked is not having acted: the request here is passed to the road's manager
    v = judge(
        lexicon,
        "駐輪場の前の歩道に放置されたバイクの撤去などの対応をお願いします。",
        "現地を確認し、歩道上にバイクが駐車されていることを確認しました。"
        "ご意見の内容について、道路を管理する県の土木事務所に申し伝えました。",
    )
    assert v.label == "deflected"


def test_in_preparation_as_the_whole_is_deferred(lexicon):
    assert judge(lexicon, "新しい予約システムはいつ公開するのか。", "現在、準備中です。").label == "deferred"


def test_a_sub_answer_cut_off_in_the_copy_is_partial(lexicon):
    v = judge(
        lexicon, "苦情の件数と、その主な理由を示されたい。", "苦情の件数は12件です。主な理由につきましては、"
    )
    assert v.label == "partial"


def test_a_sub_answer_cut_in_the_middle_of_a_word_is_partial_too(lexicon):
    v = judge(
        lexicon,
        "苦情の件数と、その主な理由を示されたい。",
        "苦情の件数は12件です。主な理由は、夜間の騒音と駐車場の利用方法に関するもので、特に週末の利",
    )
    assert v.label == "partial"
    assert v.unanswered and "理由" in v.unanswered[0]


def test_a_one_part_reply_cut_mid_word_is_judged_on_what_it_says(lexicon):
    v = judge(lexicon, "苦情は何件か。", "苦情の件数は12件です。内容は、夜間の騒音と駐車場の利")
    assert v.label == "answered" and v.uncertain


def test_a_reply_cut_before_it_gives_anything_is_partial_not_evasive(lexicon):
    # the answer has started (it names the document) and the copy stops before its content
    v = judge(
        lexicon,
        "県が出した通知の内容は、どのようになっているのか。",
        "御指摘の通知は、県から各市町村長に対し通知した「公園の管理に関する留意事項について」を指し、その内容は",
    )
    assert v.label == "partial"
    assert "途中で切れています" in v.reasons[0]


def test_a_cut_reply_that_has_already_dodged_stays_evasive(lexicon):
    v = judge(
        lexicon,
        "歩道の段差を解消してほしい。",
        "歩行者の安全確保に努めてまいります。なお、市内の歩道については、",
    )
    assert v.label == "evasive"


def test_no_answer_text_is_unanswered(lexicon):
    v = judge(lexicon, "何件か。", None)
    assert v.label == "unanswered" and v.confidence == 1.0


# --- hard negatives ----------------------------------------------------------------------


def test_closing_formulas_after_the_facts_stay_answered(lexicon):
    v = judge(
        lexicon,
        "昨年度の苦情件数は何件か。",
        "昨年度は23件でした。今後とも適切な対応に努めてまいりますので、ご理解をお願いいたします。",
    )
    assert v.label == "answered"


def test_cannot_say_in_general_but_then_the_figure_is_answered(lexicon):
    v = judge(
        lexicon,
        "申請から決定までの平均の処理日数はどのくらいか。",
        "事案により異なるため一概にお答えすることは困難であるが、令和5年度の平均は18日である。",
    )
    assert v.label == "answered"
    assert "formula" in [c.role for c in v.clauses] and v.clauses[-1].role == "gives"


def test_will_publish_in_a_month_to_a_when_question_is_answered(lexicon):
    v = judge(lexicon, "調査結果はいつ公表するのか。", "調査結果は、本年9月に公表する予定です。")
    assert v.label == "answered"


def test_under_review_describing_what_the_body_is_doing_is_answered(lexicon):
    v = judge(lexicon, "現在、どのような対応を行っているのか。", "現在、関係課と再発防止策を検討中です。")
    assert v.label == "answered"


def test_an_offer_of_further_help_after_a_full_answer_is_answered(lexicon):
    v = judge(
        lexicon,
        "申請の方法を教えてください。",
        "申請は窓口または郵送で受け付けています。ご不明な点は、担当課までお問い合わせいただければご案内いたします。",
    )
    assert v.label == "answered"


def test_an_offer_alone_is_conditional(lexicon):
    v = judge(lexicon, "公園の照明が暗い。", "具体的な場所を教えていただければ、現地を確認します。")
    assert v.label == "conditional"


# --- registers: Diet and ministry (plain form) ------------------------------------------


def test_diet_refrain_from_answering(lexicon):
    v = judge(
        lexicon,
        "当該会合の出席者は誰か。",
        "お尋ねについては、個別の事案に関することであり、お答えすることは差し控えたい。",
    )
    assert v.label == "declined"


def test_diet_refusal_with_its_reasons_in_between(lexicon):
    v = judge(
        lexicon,
        "当該交渉の記録は存在するのか。",
        "お尋ねについてお答えすることは、今後の交渉に支障を及ぼすおそれがあることから、差し控えたい。",
    )
    assert v.label == "declined"


def test_diet_not_aware_of(lexicon):
    v = judge(
        lexicon,
        "当該会合で何が話し合われたのか。",
        "お尋ねの会合における発言の詳細については承知していない。",
    )
    assert v.label == "declined"


def test_diet_asked_whether_aware_and_says_not_is_answered(lexicon):
    assert judge(lexicon, "政府は、この報道を承知しているか。", "承知していない。").label == "answered"


def test_diet_meaning_unclear_then_a_generality_is_evasive(lexicon):
    v = judge(
        lexicon,
        "政府は、地域間格差の是正に向けた抜本的改革を行うのか。",
        "お尋ねの「抜本的改革」の意味するところが必ずしも明らかではないが、政府としては、"
        "地域の実情に応じた取組を進めることが重要であると考えている。",
    )
    assert v.label == "evasive"


def test_diet_meaning_unclear_then_a_statement_of_purpose_is_evasive_to_a_yes_no(lexicon):
    v = judge(
        lexicon,
        "啓発事業の範囲に特定失踪者問題は含まれますか。",
        "お尋ねの特定失踪者問題の意味するところが必ずしも明らかではないが、啓発活動は、"
        "国民一人一人が拉致問題について考えることが重要であるとの考えに基づき、行われるものである。",
    )
    assert v.label == "evasive"


def test_diet_meaning_unclear_then_an_outright_no_is_answered(lexicon):
    v = judge(
        lexicon,
        "政府は、当該事業を民間に委託しているのか。",
        "お尋ねの「委託」の意味するところが必ずしも明らかではないが、当該事業を民間に委託した事実はない。",
    )
    assert v.label == "answered"


def test_diet_further_study_needed_as_the_whole_is_deferred(lexicon):
    v = judge(lexicon, "当該制度の導入を実現するのか否か。", "更なる検討をする必要があるものと考えている。")
    assert v.label == "deferred"


def test_ministry_difficult_to_show(lexicon):
    v = judge(
        lexicon,
        "事業者ごとの違反件数を示されたい。",
        "個々の事業者に関する情報であるため、お示しすることは困難である。",
    )
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "御指摘の文書の公表については差控えたい。",
        "当該文書の開示は致しかねます。",
        "ご質問の件につきましては、回答を差し控えさせていただきます。",
        "個別の内容についてのお答えは控えたい。",
        "その点についての言及は控えます。",
        "これ以上のことは申し上げられません。",
        "その内容をお教えすることはできません。",
        "お答えすることは適当ではないと考える。",
        "お答えする性質のものではない。",
        "守秘義務の観点から、個別の案件に対するご回答を差し上げることができません。",
    ],
)
def test_spelling_and_politeness_variants_of_refusal(lexicon, answer: str):
    assert judge(lexicon, "当該文書を公表するか。", answer).label == "declined"


# --- registers: prefecture and city (polite form) ---------------------------------------


def test_city_will_show_after_compiling_is_deferred(lexicon):
    v = judge(
        lexicon,
        "アンケートの結果を示してください。",
        "アンケート結果につきましては、現在集計中であり、取りまとめの上、お示ししてまいります。",
    )
    assert v.label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "貴重なご意見として、今後の参考にさせていただきます。",
        "いただいたご意見は、貴重なご意見として承ります。",
        "関係法令に基づき、適切に対応してまいります。",
    ],
)
def test_city_formulas_alone_are_evasive(lexicon, answer: str):
    v = judge(lexicon, "駅前に駐輪場を増設してほしい。", answer)
    assert v.label == "evasive"
    assert v.parts[0].treatment == "evasive"


def test_city_will_judge_while_watching_is_deferred(lexicon):
    v = judge(lexicon, "路線バスを増便してほしい。", "今後の利用状況を見ながら判断してまいります。")
    assert v.label == "deferred"


def test_city_heard_from_the_prefecture_is_deflected(lexicon):
    v = judge(
        lexicon,
        "河川の護岸工事はいつ行われるのか。",
        "北海道からは、来年度に工事を行う予定と聞いております。",
    )
    assert v.label == "deflected"


def test_city_road_managed_by_the_prefecture_and_passed_on_is_deflected(lexicon):
    v = judge(
        lexicon,
        "〇〇通りの街路灯が暗いので改善してほしい。",
        "当該道路は県が管理する道路であり、県の土木事務所にお伝えいたします。",
    )
    assert v.label == "deflected"


def test_city_public_safety_commissions_remit_is_deflected(lexicon):
    v = judge(
        lexicon,
        "交差点に信号機を設置してほしい。",
        "信号機の設置は公安委員会の所管であり、所轄の警察署にお伝えいたします。",
    )
    assert v.label == "deflected"
    assert v.parts[0].treatment == "passes_on"


def test_each_municipality_decides_is_deflected(lexicon):
    v = judge(
        lexicon,
        "国として統一基準を設けるべきではないか。",
        "具体的な運用については、各自治体において判断されるものである。",
    )
    assert v.label == "deflected"


def test_asked_the_operator_who_replied_is_deflected(lexicon):
    v = judge(
        lexicon,
        "夜間の騒音の原因を調べてほしい。",
        "事業者に問い合わせたところ、夜間の工事は行っていないとの回答を得ております。",
    )
    assert v.label == "deflected"


def test_will_share_with_the_operator_is_deflected(lexicon):
    v = judge(
        lexicon,
        "工事車両の路上駐車をやめさせてほしい。",
        "いただいたご意見は、事業者と情報共有してまいります。",
    )
    assert v.label == "deflected"


# --- registers: agencies and companies --------------------------------------------------


def test_agency_investigation_under_way_is_deferred(lexicon):
    v = judge(
        lexicon, "システム障害の原因を説明されたい。", "当機構では、現在、原因の調査を進めているところです。"
    )
    assert v.label == "deferred"


def test_company_refrains_is_declined(lexicon):
    v = judge(
        lexicon,
        "取引先の選定基準を明らかにされたい。",
        "弊社としては、個別の取引に関する事項についての回答は差し控えさせていただきます。",
    )
    assert v.label == "declined"


def test_agency_substance_in_its_register_is_answered(lexicon):
    v = judge(
        lexicon,
        "再発防止策を説明されたい。",
        "当機構では、全職員を対象とした研修を実施し、点検の手順を改めたところです。",
    )
    assert v.label == "answered"


# --- reasons, parts, clauses, confidence ------------------------------------------------


def test_reasons_say_which_part_got_which_treatment(lexicon):
    v = judge(
        lexicon,
        "違反件数と、その内訳を示されたい。",
        "違反件数は8件です。内訳については、個別の事案に関わるため、お答えを差し控えます。",
    )
    assert v.label == "partial"
    assert v.reasons[0].startswith("「その内訳を示されたい」については")
    assert v.parts[1].reason == v.reasons[0] and v.parts[1].clause
    gives = [c for c in v.clauses if c.role == "gives"]
    assert gives and gives[0].sub == 0 and gives[0].text.startswith("違反件数は8件")
    assert all(v.clauses[i].start < v.clauses[i + 1].start for i in range(len(v.clauses) - 1))


def test_nothing_is_silently_answered(lexicon):
    v = judge(
        lexicon, "この事業の効果について、市の見解を示されたい。", "本事業には多くの市民が参加しました。"
    )
    assert v.label == "answered"
    assert v.uncertain and v.confidence < UNCERTAIN_BELOW


def test_a_clear_refusal_is_confident(lexicon):
    v = judge(
        lexicon,
        "委員の氏名を明らかにされたい。",
        "委員の氏名については、お答えを差し控えさせていただきます。",
    )
    assert v.label == "declined" and not v.uncertain


def test_an_evasion_inferred_from_silence_is_the_least_sure_verdict(lexicon):
    # on unseen pages most replies called evasive only for lack of a recognised answer did
    # answer, in words the rules did not know: the organizer is asked to look
    inferred = judge(lexicon, "この事業の費用はいくらか。", "本事業には多くの市民が参加しました。")
    formula = judge(lexicon, "この事業の費用はいくらか。", "関係法令に基づき、適切に対応してまいります。")
    assert inferred.label == formula.label == "evasive"
    assert inferred.uncertain and formula.uncertain
    assert inferred.confidence < formula.confidence


def test_a_partial_verdict_is_marked_for_review(lexicon):
    v = judge(
        lexicon,
        "違反件数と、その内訳を示されたい。",
        "違反件数は8件です。内訳については、個別の事案に関わるため、お答えを差し控えます。",
    )
    assert v.label == "partial" and v.uncertain


def test_a_clear_answer_is_surer_than_a_clear_postponement(lexicon):
    answered = judge(lexicon, "何件か。", "3件です。")
    deferred = judge(lexicon, "設置する考えはあるか。", "今後検討してまいります。")
    declined = judge(lexicon, "委員の氏名を示されたい。", "お答えは差し控えます。")
    assert (answered.label, deferred.label, declined.label) == ("answered", "deferred", "declined")
    assert not (answered.uncertain or deferred.uncertain or declined.uncertain)
    assert deferred.confidence < answered.confidence <= declined.confidence


def test_verdict_to_dict_carries_parts_clauses_and_confidence(lexicon):
    data = judge(lexicon, "何件か。", "3件です。").to_dict()
    assert {"confidence", "uncertain", "parts", "clauses"} <= data.keys()
    assert data["parts"][0]["kinds"] == ["quantity"] and data["parts"][0]["treatment"] == "gives"
    assert data["clauses"][0] == {"text": "3件です。", "start": 0, "role": "gives", "sub": 0}


# --- the organizer's lexicon ------------------------------------------------------------


def test_user_lexicon_adds_a_move(tmp_path: Path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "moves:\n  defers:\n    - pattern: 鋭意(準備|調整)を進め\n      reason: 準備中として先送りしています。\n",
        encoding="utf-8",
    )
    item = Item(ref="1", question="いつ公開するのか。", answer="公開に向けて鋭意準備を進めております。")
    v = read_by_rules(item, load_lexicon(extra))
    assert v.label == "deferred" and "準備中として先送り" in " ".join(v.reasons)


def test_user_lexicon_unknown_key_names_file_line_and_key(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "moves:\n  defers: []\n  postpones:\n    - pattern: x\n      reason: y\n", encoding="utf-8"
    )
    with pytest.raises(RecordError) as info:
        load_lexicon(bad)
    assert f"{bad}:4: moves.postpones" in info.value.message  # the line of its entries


def test_user_lexicon_bad_pattern_names_its_line(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("moves:\n  refuses:\n    - pattern: '(答え'\n      reason: y\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_lexicon(bad)
    assert "3: moves.refuses.0.pattern: 正規表現として読めません" in info.value.message


def test_catastrophic_user_pattern_does_not_hang(tmp_path: Path):
    extra = tmp_path / "slow.yaml"
    extra.write_text("moves:\n  refuses:\n    - pattern: (.+)+Ｚ\n      reason: y\n", encoding="utf-8")
    lexicon = load_lexicon(extra)
    answer = "あ" * 5000 + "。"
    start = time.perf_counter()
    for _ in range(3):
        v = read_by_rules(Item(ref="1", question="何件か。", answer=answer), lexicon)
    assert time.perf_counter() - start < 2.0
    assert v.label != "declined"


def test_triage_table_marks_uncertain_items(tmp_path: Path, lexicon, capsys):
    from followup.triage.report import UNCERTAIN_MARK, as_csv, print_table

    sure = judge(lexicon, "何件か。", "3件です。")
    unsure = judge(
        lexicon, "この事業の効果について、市の見解を示されたい。", "本事業には多くの市民が参加しました。"
    )
    print_table([(sure, None), (unsure, None)], color=False, width=100)
    out = capsys.readouterr().out
    assert out.count(UNCERTAIN_MARK) == 2  # the uncertain row, and the count under the table
    lines = as_csv([(sure, None), (unsure, None)]).splitlines()
    assert lines[0].endswith("confidence,uncertain") and lines[2].endswith(",1")


# --- a sweep of everyday exchanges in each register (invented) --------------------------

SWEEP = [
    (
        "市立図書館の開館時間を延長してほしい。",
        "開館時間の延長につきましては、利用者の動向や人員体制を踏まえ、今後検討してまいります。",
        "deferred",
    ),
    (
        "市立図書館の開館時間を延長してほしい。",
        "令和6年4月から、平日の閉館時間を午後7時から午後8時に延長いたしました。",
        "answered",
    ),
    (
        "公園のトイレが汚いので清掃回数を増やしてほしい。",
        "ご指摘のトイレについては、清掃を週2回から週3回に増やしました。今後も適切な管理に努めてまいります。",
        "answered",
    ),
    (
        "公園のトイレが汚いので清掃回数を増やしてほしい。",
        "公園施設の維持管理については、引き続き適切に行ってまいります。",
        "evasive",
    ),
    (
        "通学路にガードレールを設置してほしい。",
        "当該道路は県道のため、県の土木事務所に要望をお伝えいたしました。",
        "deflected",
    ),
    (
        "通学路にガードレールを設置してほしい。",
        "当該箇所は道路幅員が狭く、ガードレールの設置は困難です。代わりに路面標示で注意喚起を行います。",
        "answered",
    ),
    (
        "市職員の残業時間の平均は月何時間か。",
        "令和5年度の職員一人当たりの平均時間外勤務は、月12.5時間です。",
        "answered",
    ),
    (
        "市職員の残業時間の平均は月何時間か。",
        "職員の時間外勤務については、適正な管理に努めております。",
        "evasive",
    ),
    (
        "この事業の委託先と契約金額を示されたい。",
        "委託先は株式会社〇〇です。契約金額については、事業者の競争上の地位を害するおそれがあるため、公表を差し控えさせていただきます。",
        "partial",
    ),
    (
        "なぜ説明会を開かなかったのか。",
        "説明会については、新型コロナウイルス感染症の拡大防止の観点から、開催を見合わせたものです。",
        "answered",
    ),
    ("なぜ説明会を開かなかったのか。", "今後、市民の皆様への丁寧な説明に努めてまいります。", "evasive"),
    ("政府は、本件に関する調査を行う考えはあるか。", "現時点で調査を行うことは考えていない。", "answered"),
    (
        "政府は、本件に関する調査を行う考えはあるか。",
        "お尋ねについては、今後の状況を注視しつつ、適切に対応してまいりたい。",
        "evasive",
    ),
    (
        "政府は、当該報告書を公表するのか。",
        "当該報告書については、内容を精査した上で、公表の在り方について検討してまいりたい。",
        "deferred",
    ),
    ("政府は、同様の事案の件数を把握しているか。", "政府として網羅的には把握していない。", "answered"),
    (
        "同様の事案は何件あったのか。",
        "政府として網羅的には把握していないため、お答えすることは困難である。",
        "declined",
    ),
    ("同様の事案は何件あったのか。", "政府として網羅的には把握していない。", "declined"),
    (
        "〇〇大臣の発言は、政府の公式見解か。",
        "お尋ねの発言は、大臣個人の見解を述べたものであり、政府の公式見解ではない。",
        "answered",
    ),
    (
        "当該補助金の交付先を示されたい。",
        "お尋ねの交付先については、個別の法人に関する情報であることから、お答えを差し控えたい。",
        "declined",
    ),
    (
        "貴社は、当該路線の廃止を検討しているのか。",
        "弊社としては、現時点で当該路線の廃止は検討しておりません。",
        "answered",
    ),
    (
        "貴社は、当該路線の廃止を検討しているのか。",
        "弊社としては、地域の皆様のご意見を伺いながら、持続可能な交通体系のあり方について検討してまいります。",
        "deferred",
    ),
    (
        "騒音測定の結果を公表してほしい。",
        "騒音の測定結果については、当機構のホームページで公表しております。",
        "answered",
    ),
    (
        "騒音測定の結果を公表してほしい。",
        "測定結果については、取りまとめ次第、ホームページで公表いたします。",
        "deferred",
    ),
    (
        "学校給食の無償化を実施してほしい。",
        "学校給食費の無償化については、国の動向を注視しながら、引き続き研究してまいります。",
        "deferred",
    ),
    (
        "駅前の放置自転車を撤去してほしい。",
        "駅前の放置自転車については、鉄道事業者と情報共有し、対応を依頼いたしました。",
        "deflected",
    ),
    (
        "バス停に屋根を設置してほしい。",
        "バス停の上屋については、バス事業者が設置・管理しております。いただいたご意見はバス事業者にお伝えいたします。",
        "deflected",
    ),
    (
        "どのような再発防止策を講じたのか。",
        "職員研修の実施、チェックリストの導入、ダブルチェック体制の構築を行いました。",
        "answered",
    ),
    (
        "市長は、この問題をどう考えているのか。",
        "市としては、地域の安全確保が最も重要であると考えております。",
        "answered",
    ),
    ("空き家の件数と、そのうち危険な空き家の件数を示されたい。", "市内の空き家は約1,200件です。", "partial"),
    (
        "審議会の議事録を公開しない理由は何か。",
        "審議会の議事録は、市のホームページで公開しております。",
        "answered",
    ),
]


SWEEP += [
    (
        "計画案に、自転車道の整備目標を数値で盛り込むべきである。",
        "ご意見を踏まえ、計画案に自転車道の整備延長の目標値を追記しました。",
        "answered",
    ),
    (
        "計画案に、自転車道の整備目標を数値で盛り込むべきである。",
        "計画案では、具体的な目標値は個別計画で定めることとしているため、原案のとおりとします。",
        "answered",
    ),
    (
        "計画案に、自転車道の整備目標を数値で盛り込むべきである。",
        "いただいたご意見は、今後の施策推進の参考とさせていただきます。",
        "evasive",
    ),
    (
        "計画案に、自転車道の整備目標を数値で盛り込むべきである。",
        "ご意見については、今後の計画の見直しの際に検討させていただきます。",
        "deferred",
    ),
    ("本制度の対象に、個人事業主は含まれるのか。", "個人事業主も対象に含まれます。", "answered"),
    (
        "本制度の対象に、個人事業主は含まれるのか。",
        "ご指摘の点については、今後、Q&A等でお示しする予定です。",
        "deferred",
    ),
    (
        "政府は、当該事故の原因をどのように分析しているのか。",
        "お尋ねの事故については、現在、運輸安全委員会において調査が行われているところであり、政府としてお答えすることは差し控えたい。",
        "deferred",  # a refusal because another body's investigation is under way: ask for its result
    ),
    (
        "政府は、当該事故の原因をどのように分析しているのか。",
        "当該事故の原因は、整備作業の手順の誤りによるものと承知している。",
        "answered",
    ),
    (
        "政府は、国際機関の勧告に従う考えはあるか。",
        "勧告には法的拘束力はなく、従う義務はないと考えている。",
        "answered",
    ),
    (
        "令和4年度の補助金の交付件数と交付総額を示されたい。",
        "令和4年度の交付件数は152件、交付総額は約3億2千万円である。",
        "answered",
    ),
    (
        "令和4年度の補助金の交付件数と交付総額を示されたい。",
        "令和4年度の交付件数は152件である。交付総額については、現在精査中である。",
        "partial",
    ),
    (
        "当該施設の利用者数が減少した理由は何か。",
        "利用者数の減少については、様々な要因が考えられることから、一概にお答えすることは困難である。",
        "declined",
    ),
    (
        "当該施設の利用者数が減少した理由は何か。",
        "様々な要因が考えられ一概にお答えすることは困難であるが、近隣に類似施設が開設されたことが主な要因と考えている。",
        "answered",
    ),
    (
        "御社は、当該工場の排水基準違反を認めるのか。",
        "弊社としては、行政からの指導を真摯に受け止め、再発防止に努めております。",
        "evasive",
    ),
    (
        "御社は、当該工場の排水基準違反を認めるのか。",
        "当該期間において排水基準を超過したことは事実であり、深くお詫び申し上げます。",
        "answered",
    ),
    (
        "市民プールの営業を再開してほしい。",
        "市民プールは老朽化により、令和5年度末をもって廃止いたしました。ご理解いただきますようお願いいたします。",
        "answered",
    ),
    (
        "市民プールの営業を再開してほしい。",
        "市民プールの再開については、施設の老朽化の状況や財政状況等を総合的に勘案し、判断してまいります。",
        "deferred",
    ),
    (
        "なぜ住民説明会で質問を受け付けなかったのか。",
        "住民説明会の運営については、適切に行ったものと考えております。",
        "evasive",
    ),
    (
        "ごみ収集の日程表を外国語でも作成してほしい。",
        "英語、中国語、韓国語版のごみ収集カレンダーを作成し、市役所の窓口とホームページで配布しております。",
        "answered",
    ),
]


SWEEP += [
    # answered replies that contain trigger words (hard negatives)
    (
        "本事業の検討状況はどうなっているのか。",
        "現在、有識者会議において制度設計の検討を進めているところであり、本年度中に中間取りまとめを行う予定である。",
        "answered",
    ),
    (
        "事故後、県警とどのような協議を行ったのか。",
        "事故後、県警とは3回の協議を行い、交差点の信号サイクルを変更することで合意した。",
        "answered",
    ),
    ("当該道路の管理者は誰か。", "当該道路は県が管理する県道である。", "answered"),
    ("当該事業は国の補助事業か。", "当該事業は国の補助事業ではなく、市の単独事業である。", "answered"),
    (
        "説明会の参加者数は何人だったか。",
        "説明会には延べ85人が参加しました。引き続き、丁寧な説明に努めてまいります。",
        "answered",
    ),
    (
        "照明の増設を要望したが、その後どうなったのか。",
        "ご要望の照明については、本年6月に2基を増設いたしました。",
        "answered",
    ),
    ("市は、この件を警察に通報したのか。", "市は、同日中に所轄の警察署に通報しております。", "answered"),
    (
        "今後の見通しを示されたい。",
        "令和7年度末までに全ての対象施設の改修を完了する見通しである。",
        "answered",
    ),
    # flagged ones in various registers
    ("なぜ入札を中止したのか。", "入札の中止については、総合的に判断した結果である。", "evasive"),
    (
        "当該職員の処分内容を示されたい。",
        "職員の処分については、人事上の個別の事項であることから、お答えできません。",
        "declined",
    ),
    (
        "本件について、今後どのように対応するのか。",
        "関係機関と連携しながら、適切に対応してまいります。",
        "evasive",
    ),
    ("不具合の原因は何か。", "原因については、現在、メーカーにおいて調査中とのことです。", "deflected"),
    ("対策の実施時期はいつか。", "実施時期については、予算の状況を踏まえ、決定してまいります。", "deferred"),
    (
        "施設の使用料を値下げしてほしい。",
        "使用料については、他市の状況等を調査・研究してまいります。",
        "deferred",
    ),
    (
        "騒音の測定をしてほしい。",
        "騒音の測定は、県の環境保全事務所が所管しておりますので、そちらにご相談ください。",
        "deflected",
    ),
    (
        "本件の交渉記録を開示されたい。",
        "交渉記録については、相手方との信頼関係を損なうおそれがあるため、開示することはできません。",
        "declined",
    ),
]


SWEEP += [
    (
        "公民館の駐車場を拡張してほしい。",
        "駐車場の拡張につきましては、関係部署と協議してまいります。",
        "deferred",
    ),
    (
        "公民館の駐車場を拡張してほしい。",
        "駐車場の拡張については、研究課題とさせていただきます。",
        "deferred",
    ),
    ("公民館の駐車場を拡張してほしい。", "ご要望の趣旨は担当課に申し伝えました。", "deflected"),
    (
        "イベントの騒音をなんとかしてほしい。",
        "当該イベントは民間の実行委員会が主催するものであり、市は関与しておりません。",
        "deflected",
    ),
    (
        "イベントの騒音をなんとかしてほしい。",
        "指定管理者に確認したところ、今後は音量を下げて実施するとのことでした。",
        "deflected",
    ),
    (
        "市内循環バスの路線を見直してほしい。",
        "路線の見直しについては、現在、交通事業者と調整しております。",
        "deferred",
    ),
    (
        "政府は、当該制度を見直すのか。",
        "当該制度の在り方については、現在、社会保障審議会において審議が行われているところであり、その結果を踏まえ、適切に対応してまいりたい。",
        "deferred",
    ),
    (
        "政府は、この問題に対して何らかの措置を講じるのか。",
        "政府としては、引き続き事態の推移を注視してまいりたい。",
        "evasive",
    ),
    (
        "国民健康保険税の引き下げを国に働きかけてほしい。",
        "引き続き、国に対して財政支援の拡充を要望してまいります。",
        "deflected",
    ),
    (
        "庁舎の窓口の待ち時間を短くしてほしい。",
        "窓口の混雑緩和に向けて、引き続き努めてまいります。",
        "evasive",
    ),
    (
        "庁舎の窓口の待ち時間を短くしてほしい。",
        "令和6年1月から、窓口の予約システムを導入し、待ち時間の短縮を図っております。",
        "answered",
    ),
    (
        "水道料金の値上げを撤回してほしい。",
        "水道事業の健全な経営のため、料金の改定はやむを得ないものと考えております。ご理解をお願いいたします。",
        "answered",
    ),
]


SWEEP += [
    (
        "政府は、「新しい資本主義」の具体的な内容を示されたい。",
        "お尋ねの「具体的な内容」の意味するところが必ずしも明らかではないため、お答えすることは困難である。",
        "declined",
    ),
    (
        "政府は、当該報告書の提出を受けているのか。",
        "政府として、当該報告書の提出は受けていない。",
        "answered",
    ),
    (
        "当該制度の見直しを行う予定はあるか。",
        "現時点で、当該制度の見直しを行う具体的な予定はない。",
        "answered",
    ),
    ("御指摘の会合に、政府職員は出席していたのか。", "御指摘のような事実はない。", "answered"),
    (
        "政府は、今後どのように対応するのか。",
        "政府としては、関係省庁と連携しつつ、適切に対処してまいりたい。",
        "evasive",
    ),
    ("当該発言の真意は何か。", "お尋ねについては、大臣が記者会見で述べたとおりである。", "evasive"),
    (
        "新たな基金の規模はどの程度を想定しているのか。",
        "基金の規模については、現在検討しているところであり、現時点でお答えすることは困難である。",
        "deferred",
    ),
    (
        "当該事案の被害額は総額でいくらか。",
        "お尋ねの被害額については、政府として把握しておらず、お答えすることは困難である。",
        "declined",
    ),
    (
        "政府は、米国の要請に応じて派遣を行うのか。",
        "仮定の御質問にお答えすることは差し控えたい。",
        "declined",
    ),
    (
        "平成三十年度の当該事業の予算額と執行額を示されたい。",
        "平成三十年度の当該事業の予算額は約十二億円、執行額は約九億八千万円である。",
        "answered",
    ),
    (
        "平成三十年度の当該事業の予算額と執行額を示されたい。",
        "平成三十年度の当該事業の予算額は約十二億円である。執行額については、現在精査中である。",
        "partial",
    ),
    (
        "政府は、この問題の責任がどこにあると考えているのか。",
        "政府としては、関係者がそれぞれの立場で適切に対応することが重要であると考えている。",
        "evasive",
    ),
]


SWEEP += [
    (
        "貴社は、原発の再稼働を中止する考えはあるか。",
        "弊社としては、安全を最優先に、地域の皆様のご理解を得ながら事業を運営してまいります。",
        "evasive",
    ),
    ("貴社は、原発の再稼働を中止する考えはあるか。", "再稼働を中止する考えはございません。", "answered"),
    (
        "無人駅の増加により、障害者の利用が困難になっている。駅員を配置してほしい。",
        "駅の体制については、ご利用状況等を踏まえ、総合的に判断しております。ご理解賜りますようお願い申し上げます。",
        "evasive",
    ),
    (
        "無人駅の増加により、障害者の利用が困難になっている。駅員を配置してほしい。",
        "お手伝いが必要なお客様には、事前にご連絡いただければ、係員が対応いたします。",
        "conditional",
    ),
    (
        "料金値上げの根拠となった原価の内訳を示されたい。",
        "原価の内訳は、人件費が42%、燃料費が31%、設備関係費が27%となっております。",
        "answered",
    ),
    (
        "料金値上げの根拠となった原価の内訳を示されたい。",
        "経営上の情報であることから、回答は差し控えさせていただきます。",
        "declined",
    ),
    (
        "事故の再発防止策について、住民説明会を開催してほしい。",
        "再発防止策につきましては、弊社ホームページにて公表しております。今後も丁寧な説明に努めてまいります。",
        "evasive",
    ),
    (
        "当機構の職員数の推移を示されたい。",
        "当機構の職員数は、令和3年度末が512名、令和4年度末が498名、令和5年度末が505名です。",
        "answered",
    ),
]


SWEEP += [
    ("なぜ入札の参加資格を変更したのか。", "入札の参加資格については、適切に判断したものです。", "evasive"),
    (
        "なぜ入札の参加資格を変更したのか。",
        "より多くの事業者の参加を促し、競争性を高めるため、参加資格を見直したものです。",
        "answered",
    ),
    (
        "なぜ事前に説明しなかったのか。また、今後説明会を開くのか。",
        "事前の説明が不十分であったことをお詫び申し上げます。説明会は来月中旬に開催します。",
        "partial",
    ),
    (
        "事業の総事業費と、そのうち市の負担額を示されたい。",
        "総事業費は約48億円で、そのうち市の負担額は約12億円です。",
        "answered",
    ),
    (
        "事業の総事業費と、そのうち市の負担額を示されたい。",
        "総事業費は約48億円です。市の負担額については、国の補助率が確定していないため、現時点ではお示しできません。",
        "partial",
    ),
    (
        "相談窓口の開設時間を延長する予定はあるか。",
        "相談窓口の開設時間の延長は予定しておりません。",
        "answered",
    ),
    (
        "相談窓口の開設時間を延長する予定はあるか。",
        "相談窓口の運営については、利用状況を踏まえ、適切に対応してまいります。",
        "evasive",
    ),
    (
        "駅のエレベーターの設置時期を示されたい。",
        "エレベーターの設置時期については、鉄道事業者において検討中と聞いております。",
        "deflected",
    ),
    (
        "駅のエレベーターの設置時期を示されたい。",
        "鉄道事業者と協議した結果、令和8年度中に設置する予定となりました。",
        "answered",
    ),
    (
        "災害時の避難所の数と、その収容人数を示されたい。",
        "市内の指定避難所は42か所、収容人数は合計で約2万1千人です。",
        "answered",
    ),
]


SWEEP += [
    (
        "私は毎朝、県道〇〇線を自転車で通勤していますが、路肩の段差が多く危険です。先日も転倒しそうになりました。早急に段差を解消してください。",
        "ご提言いただいた県道〇〇線の路肩につきましては、現地を確認したところ、段差が数か所ありましたので、7月中に補修を行う予定です。",
        "answered",
    ),
    (
        "私は毎朝、県道〇〇線を自転車で通勤していますが、路肩の段差が多く危険です。先日も転倒しそうになりました。早急に段差を解消してください。",
        "県では、限られた予算の中で、緊急性の高い箇所から順次補修を行っているところです。ご提言の箇所につきましても、今後の道路パトロールの中で状況を確認してまいります。",
        "deferred",
    ),
    (
        "県立図書館の蔵書検索システムが使いにくい。スマートフォンでも使えるようにしてほしい。また、返却ポストを駅前にも設置してほしい。",
        "蔵書検索システムについては、令和7年3月に更新し、スマートフォンにも対応する予定です。返却ポストの駅前への設置については、設置場所や管理方法などの課題があることから、今後研究してまいります。",
        "partial",
    ),
    (
        "県立図書館の蔵書検索システムが使いにくい。スマートフォンでも使えるようにしてほしい。また、返却ポストを駅前にも設置してほしい。",
        "蔵書検索システムについては、令和7年3月に更新し、スマートフォンにも対応する予定です。返却ポストについては、令和7年度に駅前広場に設置することとしました。",
        "answered",
    ),
    (
        "高校の統廃合について、地元の意見を聞く場を設けてほしい。",
        "県立高校の再編整備については、これまでも地域の皆様のご意見を伺いながら進めてきたところであり、今後も丁寧な説明に努めてまいります。",
        "evasive",
    ),
    (
        "高校の統廃合について、地元の意見を聞く場を設けてほしい。",
        "来月10日に地元公民館で説明会を開催し、ご意見を伺うこととしております。",
        "answered",
    ),
]


# deferral until something is shown or finished (「示され次第」「作業終了次第」), and a plain
# future 「調整を行う。」 in a terse reply
SWEEP += [
    (
        "空き家対策の強化策を示されたい。",
        "国から具体的な基準が示され次第、協議会で対応を検討する。",
        "deferred",
    ),
    (
        "過去に要望した側溝の修繕を早く行ってほしい。",
        "現在、地区別の集計作業を行っております。作業終了次第、各区に報告します。",
        "deferred",
    ),
    ("町内でも同じ催しを開けないか。", "町内での開催については、店舗と調整を行う。", "deferred"),
    ("中止の理由は何か。", "参加者が少なかったためであり、このような次第です。", "answered"),
    # 「…となった」 inside a sentence describes, it does not decide
    (
        "維持管理費を増額してほしい。",
        "地域と一体となった維持管理も重要であります。適切な維持管理費の確保に努めて参ります。",
        "evasive",
    ),
    ("催しを再開してほしい。", "来年度から再開することとなった。", "answered"),
    # another manager named as such: 「管理者が…事務所となっておりますので」
    (
        "歩道の植栽側に看板を設置してもらえないでしょうか。",
        "看板の設置について、当該土地の管理者が国道事務所となっておりますので、同事務所にお伝えしました。",
        "deflected",
    ),
    # decided only after something else is settled
    (
        "新しい技術で作られた食品を表示の対象とするお考えですか。",
        "表示の対象にするかどうかにつきましては、これらの食品の安全性が確認されたあとに判断することになります。",
        "deferred",
    ),
    # 「どのようにされていますか」 asks what is being done: the measures taken answer it
    (
        "昆虫を食用とすることの安全対策はどのようにされていますか。",
        "仕入先の衛生管理やリスクを確認し、評価している。他の食品と同等な衛生基準を満たす原料を使用している。",
        "answered",
    ),
    (
        "昆虫を食用とすることの安全対策はどのようにされていますか。",
        "食の安全は大変重要であると認識しております。",
        "evasive",
    ),
    # a survey's ticked option: a plain no
    ("ゲノム編集原料を使用する予定はありますか。", "a.使用しない", "answered"),
    # a step promised with its date, softened by 「努めてまいります」
    (
        "破損した歩道の修繕を早期にお願いいたします。",
        "対応が遅れている事をお詫び申し上げます。9月下旬に工事を開始し10月中旬に終えるよう努めてまいります。",
        "answered",
    ),
    (
        "破損した歩道の修繕を早期にお願いいたします。",
        "歩道の維持管理に必要な予算の確保に努めてまいります。",
        "evasive",
    ),
]


@pytest.mark.parametrize(
    "deferral",
    [
        "検討材料とさせていただきます",
        "内部で協議いたします",
        "調査の上、回答いたします",
        "今後詰めていきます",
    ],
)
def test_city_deferrals_in_other_words(lexicon, deferral: str):
    v = judge(lexicon, "公園にベンチを設置してほしい。", f"ベンチの設置につきましては、{deferral}。")
    assert v.label == "deferred"


def test_company_declines_to_comment_in_other_words(lexicon):
    v = judge(
        lexicon,
        "今回の事故について、社としての見解を示されたい。",
        "個別の事案に関わることですので、コメントは控えさせていただきます。",
    )
    assert v.label == "declined"


def test_a_promise_of_effort_alone_is_evasive(lexicon):
    v = judge(lexicon, "歩道の段差を解消してほしい。", "歩道の安全確保に向け、引き続き努力してまいります。")
    assert v.label == "evasive"


def test_another_bodys_scheme_is_named_as_such(lexicon):
    v = judge(
        lexicon,
        "児童手当の所得制限を撤廃してほしい。",
        "児童手当は国の制度であるため、市では対応できません。",
    )
    assert [c.text for c in v.clauses if c.role == "passes_on"] == ["児童手当は国の制度であるため、"]


def test_diet_the_road_manager_at_work_is_deflected(lexicon):
    v = judge(
        lexicon,
        "県道の改良工事の今後の見通しはどうか。",
        "当該区間については、現在道路管理者である県において鋭意整備を進めているところである。",
    )
    assert v.label == "deflected"


def test_diet_a_corporation_decides_is_deflected(lexicon):
    v = judge(
        lexicon,
        "政府は協会に対し、受信料の免除を求めるべきと考えるが、見解を示されたい。",
        "受信料免除の取扱いについては、一義的には、協会において判断されるべきものであると考えている。",
    )
    assert v.label == "deflected"


def test_consulted_in_the_past_is_not_a_deferral(lexicon):
    v = judge(lexicon, "公園にベンチを設置してほしい。", "関係者と協議しました結果、来月設置いたします。")
    assert v.label == "answered"


SWEEP += [
    # 「…予定はございません」 decides, though 「見直しを行う予定」 alone would defer
    ("市は当該事業の見直しを行う考えはあるか。", "現時点で、見直しを行う予定はございません。", "answered"),
    (
        "市は当該事業の見直しを行う考えはあるか。",
        "見直しの要否については、事業の進捗を踏まえて判断することとしている。",
        "deferred",
    ),
    ("昨年度の相談件数を示されたい。", "当社の経営に関わる情報のため、開示はご容赦ください。", "declined"),
    ("説明会を開催しなかった理由は何か。", "諸般の事情によるものです。", "evasive"),
]


SWEEP += [
    # the act asked about stands before the intent asked of it: 「回収を行う考えはあるか」
    ("貴社は当該製品の回収を行う考えはあるか。", "現在、回収を進めております。", "answered"),
    ("昨年度の苦情件数を示されたい。", "お答えする必要はないものと考えます。", "declined"),
    # the asker sent to another body, or another body's own facility named
    ("貴社は当該製品の回収を行う考えはあるか。", "詳細は業界団体にお問い合わせください。", "deflected"),
    ("駅前の駐輪場を増設してほしい。", "駐輪場は県の施設であるため、県に確認してください。", "deflected"),
    (
        "貴社は当該製品の回収を行う考えはあるか。",
        "回収の要否は、製造元であるメーカーが判断するものです。",
        "deflected",
    ),
    ("説明会を中止した理由は何か。", "総合的な観点から判断したものです。", "evasive"),
]


SWEEP += [
    # a step already taken is not a postponement: 「…調査を行って参りました」
    (
        "必要な情報は実際に入手できるのですか。",
        "当行が求める情報は入手できると考えております。入手が困難な場合でも、補足調査を行って参りました。",
        "answered",
    ),
    # 「…は難しい状況にあります」「…難しくなっております」: a no, with its reason
    (
        "便の間隔が開きすぎないよう見直してほしい。",
        "限られた運転士で最大限の便数を確保しているため、時間調整は難しい状況にあります。"
        "貴重なご意見として今後の参考とさせていただきます。",
        "answered",
    ),
    (
        "なぜ写真に子どもと写れなくなったのか。",
        "カメラを交換したことで画角が変わり、現在は一緒に撮影するのが難しくなっております。",
        "answered",
    ),
    # a bare 「お願いします。」 asks for what the sentence before it says
    (
        "なぜ写真に子どもと写れなくなったのか。また子どもと一緒に写真に写りたいと思う。お願いします。",
        "ご意見ありがとうございます。カメラを交換したことで画角が変わり、現在は一緒に撮影するのが難しくなっております。",
        "answered",
    ),
    # 「してもよいか」→「しないでください」 is a no
    (
        "公園で自由に草引きをしてもよいのでしょうか。",
        "公園内の草木は自由に刈ったりはしないでください。",
        "answered",
    ),
    # measures promised only after a study
    (
        "駐車場の対策をお願いします。",
        "実態を早急に把握、分析し、利用者の限定や施設拡充などの対応策を講じてまいります。",
        "deferred",
    ),
]


SWEEP += [
    # what leads in with 「が、」 is background; the withholding after it is the reply
    (
        "各都道府県における実施状況を示されたい。",
        "お尋ねの実施状況については、各都道府県において把握されているものと承知しているが、政府としては把握していない。",
        "declined",
    ),
    (
        "何ゆえ受給者の総数を把握していないのか、その理由を明らかにされたい。",
        "年度末時点の受給者数は把握してきたが、総数については、そのような必要がないことから、把握していないものである。",
        "answered",
    ),
]


SWEEP += [
    # a document sent with the reply answers every part it is pointed to for
    ("どのような商品が対象ですか。また、どのように決められるのですか。", "別添資料参照", "answered"),
    ("申請で決められるのですか。申請者の資格を教えて下さい。", "別添参照。", "answered"),
]


SWEEP += [
    # 「設置は計画しておりません」 decides; asking the asker to bring a bottle passes nothing on
    (
        "トレーニング室に冷水機を設置してほしい。",
        "水回りの関係から、設置は計画しておりません。水筒等の持ち込みでの対応をお願いいたします。",
        "answered",
    ),
    # the general word is itself what was asked: 「重要だと考えるか」→「重要と考えており」
    (
        "消費者とのリスクコミュニケーションは重要だと考えるか。",
        "政府としては、消費者とのリスクコミュニケーションを行うことは重要と考えており、審議会の公開等を行っている。",
        "answered",
    ),
    ("方向性と時期を明示されたい。", "当初の回答で説明を尽くしたものと判断しております。", "declined"),
    # a public-comment table's category is its decision, not a cut copy
    (
        "計画案の日付を最新の状況とすべきではないか。",
        "国に報告した内容を記載したものでありますので、4月1日時点のものを使用しています。 反映できないもの",
        "answered",
    ),
    # what is already there answers a request for it
    (
        "利用者用の端末をキーボードでも入力できるようにして欲しい。",
        "新聞コーナーの奥にキーボード式の利用者端末がございます。",
        "answered",
    ),
]


@pytest.mark.parametrize(("question", "answer", "label"), SWEEP)
def test_everyday_exchanges(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_statement_beside_a_yes_no_question_is_at_least_uncertain(lexicon):
    v = judge(
        lexicon,
        "弊社の製品の安全性について、第三者機関による検証を行ったか。",
        "弊社では、社内基準に基づき、十分な安全性を確認しております。",
    )
    assert v.label in ("answered", "evasive")
    assert v.label == "evasive" or v.uncertain  # never confidently answered


def test_a_bundled_question_half_withheld_is_partial(lexicon):
    v = judge(
        lexicon,
        "今日まで、制度を利用した者、現在利用している者は何名か明らかにされたい。",
        "これまでに制度を利用した者の総数は把握していない。また、本年3月末現在、制度を利用している者は1,250名である。",
    )
    assert v.label == "partial"
    assert v.parts[-1].treatment == "refuses" and "把握していない" in (v.parts[-1].clause or "")


def test_a_refusal_about_another_question_of_a_merged_reply_does_not_count(lexicon):
    v = judge(
        lexicon,
        "会議の開催回数は何回か。",
        "会議は昨年度に4回開催した。なお、お尋ねの「委員の報酬の額」については、お答えを差し控えたい。",
    )
    assert v.label == "answered"


def test_preparing_to_a_when_question_is_deferred(lexicon):
    v = judge(lexicon, "新しい窓口はいつ開設するのか。", "現在、開設に向けて準備を進めております。")
    assert v.label == "deferred"


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "市内の国道の渋滞対策をしてほしい。",
            "本件は国土交通省の所管事項ですので、同省の国道事務所にお問い合わせください。",
            "deflected",
        ),
        (
            "ごみの出し方を教えてほしい。",
            "ごみは指定の袋に入れて、収集日の朝8時までに出してください。詳しくは環境課までお問い合わせください。",
            "answered",
        ),
        (
            "公園の木が道路にはみ出している。",
            "現地を確認し、はみ出していた枝を剪定しました。今後も、お気づきの点がありましたら公園緑地課までご連絡ください。",
            "answered",
        ),
    ],
)
def test_pointing_to_a_counter_is_an_offer_after_an_answer(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


# 「御不明な点がありましたら、…までお問い合わせください」 closes the reply: a no given before it
# is the answer, and without one the request is talked around (not made to wait on the asker).
@pytest.mark.parametrize(
    ("answer", "label"),
    [
        (
            "農村部への運行は、現在の車両一台では対応できません。"
            "運行路線に関して、御不明な点がありましたら、交通係までお問い合わせください。",
            "answered",
        ),
        (
            "ご意見ありがとうございます。町では循環バスの利用の推進に努めてまいります。"
            "運行路線に関して、御不明な点がありましたら、交通係までお問い合わせください。",
            "evasive",
        ),
        ("具体的な場所を交通係までご連絡ください。", "conditional"),
    ],
)
def test_a_pointer_for_further_questions_closes_the_reply(lexicon, answer: str, label: str):
    assert judge(lexicon, "農村部にもバスを走らせてほしい。", answer).label == label


# 「…をなくすことはできませんか」: a resident asking can't-you asks for the act, so a study of
# it is a postponement, not a statement that answers a yes/no.
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "公民館の駐輪場に屋根を付けることはできませんか。",
            "駐輪場は毎年点検を行っております。屋根の設置については、今後の改修の際に検討いたします。",
            "deferred",
        ),
        (
            "公民館の駐輪場に屋根を付けることはできませんか。",
            "駐輪場の屋根は、来年度の改修工事で設置いたします。",
            "answered",
        ),
        (
            "政府は当該補助金の申請期限を延長することはできないのか。",
            "延長することは困難である。",
            "answered",
        ),
    ],
)
def test_cant_you_asks_for_the_act(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_the_diets_plain_cant_you_still_asks_whether(lexicon):
    (part,) = asks("政府は当該補助金の申請期限を延長することはできないのか。", lexicon)
    assert part.kinds == ("yes_no",)


@pytest.mark.parametrize(
    ("question", "texts"),
    [
        (
            "市民会館について、次の2点を要望します。①ロビーに椅子を増やしてほしい。②開館時間を延長してほしい。",
            ["①ロビーに椅子を増やしてほしい", "②開館時間を延長してほしい"],
        ),
        ("以下の事項について質問いたします。補助金の交付件数は何件か。", ["補助金の交付件数は何件か"]),
    ],
)
def test_a_lead_announcing_the_asks_is_not_one(lexicon, question: str, texts: list[str]):
    assert [a.text for a in asks(question, lexicon)] == texts


def test_a_lead_announcing_the_asks_does_not_make_a_study_partial(lexicon):
    question = "市民会館について、次の点を要望します。ロビーに自動販売機を設置してほしい。"
    answer = (
        "自動販売機は利用が少なかったため撤去いたしました。設置については改めて検討したいと考えています。"
    )
    assert judge(lexicon, question, answer).label == "deferred"


# 「引き続き、…御関心をお持ちいただけますようお願いいたします」 closes a reply with a plea to the
# asker: courtesy, not a statement that answers the question.
@pytest.mark.parametrize(
    ("answer", "label"),
    [
        (
            "登山鉄道の整備については、庁内に検討会を設置して、その効果と課題を整理していくこととしております。"
            "引き続き、富士山の保全に御関心をお持ちいただけますようお願いいたします。",
            "deferred",
        ),
        (
            "登山鉄道の整備は行わないことといたしました。"
            "引き続き、富士山の保全に御関心をお持ちいただけますようお願いいたします。",
            "answered",
        ),
    ],
)
def test_a_closing_plea_to_the_asker_is_courtesy(lexicon, answer: str, label: str):
    question = "次は登山鉄道ですか？県税は有効に使ってほしい。登山鉄道の整備は中止してほしい。"
    assert judge(lexicon, question, answer).label == label


# A group's list of demands ends each in 「…こと」: 「…を直ちに停止すること」「…を行うこと」.
def test_a_demand_ending_in_koto_asks_for_the_act(lexicon):
    question = (
        "基準値を超えた場所は、区が責任を持って除染すること。\nまた、砂場においては砂の入れ替えを行うこと。"
    )
    assert [a.kinds for a in asks(question, lexicon)] == [("request",), ("request",)]
    answer = (
        "施設の清掃を日常的な管理の中で行ってまいります。お預かりした調査結果は参考とさせていただきます。"
    )
    assert judge(lexicon, question, answer).label == "evasive"


def test_a_statement_ending_in_koto_is_no_demand(lexicon):
    (part,) = asks("問題は、説明が足りないということ。説明会をいつ開くのか。", lexicon)
    assert part.kinds == ("when",)


def test_user_lexicon_extends_what_an_answer_gives_key_by_key(tmp_path: Path):
    extra = tmp_path / "gives.yaml"
    extra.write_text(
        "answer_gives:\n  quantity: ひとにぎり\nquestion_types:\n  why: (.+)+Ｚ\n", encoding="utf-8"
    )
    lexicon = load_lexicon(extra)
    item = Item(ref="1", question="参加者は何人か。", answer="参加者はほんのひとにぎりでした。")
    assert read_by_rules(item, lexicon).label == "answered"
    assert read_by_rules(item, load_lexicon()).label == "evasive"  # the built-in lexicon is unchanged
    slow = Item(ref="2", question="あ" * 3000 + "か。", answer="3件です。")
    start = time.perf_counter()
    read_by_rules(slow, lexicon)
    assert time.perf_counter() - start < 2.0


def test_user_lexicon_adds_forms_to_a_listed_key_and_names_a_bad_one(tmp_path: Path):
    extra = tmp_path / "gives.yaml"
    extra.write_text("answer_gives:\n  request:\n    - つけます\n", encoding="utf-8")
    item = Item(ref="1", question="街灯をつけてほしい。", answer="街灯は来月つけます。")
    assert read_by_rules(item, load_lexicon(extra)).label == "answered"
    assert read_by_rules(item, load_lexicon()).label != "answered"  # the built-in lexicon is unchanged
    bad = tmp_path / "bad.yaml"
    bad.write_text("answer_gives:\n  request:\n    - 善処\n    - (閉じない\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_lexicon(bad)
    assert "bad.yaml:4: answer_gives.request.1" in str(caught.value)


def test_clause_offsets_point_into_the_answer_as_given(lexicon):
    answer = "\n  件数は30件です。 内訳は集計していません。\n"
    v = judge(lexicon, "件数と、その内訳を示されたい。", answer)
    assert [c.text for c in v.clauses] == ["件数は30件です。", "内訳は集計していません。"]
    assert all(answer[c.start : c.start + len(c.text)] == c.text for c in v.clauses)


@pytest.mark.parametrize(
    "answer",
    [
        "当該箇所は見通しが確保されているため、カーブミラーの設置はできません。",
        "設置基準を満たしていないため、設置いたしかねます。",
        "ご指摘の箇所には、6月10日にカーブミラーを設置しました。",
        "対応済みです。",
    ],
)
def test_a_request_answered_by_a_decision_either_way(lexicon, answer: str):
    assert judge(lexicon, "家の前にカーブミラーを設置してほしい。", answer).label == "answered"


@pytest.mark.parametrize("answer", ["", "  ", "―", "(回答なし)", "…。"])
def test_an_answer_with_nothing_in_it_is_unanswered(lexicon, answer: str):
    assert judge(lexicon, "何件か。", answer).label == "unanswered"


def test_verdicts_hold_together_on_scrambled_replies(lexicon):
    """Triggers are quotes, clause offsets point into the answer, a partial names what is missing."""
    import random

    fragments = [
        "件数は", "12件です。", "内訳は", "把握していません。", "県が管理する道路であり、",
        "所轄の警察署にお伝えいたします。", "検討してまいります。", "お答えすることは差し控えたい。",
        "一概にお答えすることは困難であるが、", "とのことでございます。", "ご理解をお願いいたします。",
        "「", "」", "(", ")", "\n", "、", "ご指摘の状況であれば、そのとおりです。",
        "いただければ確認します。", "令和5年4月に", "公表する予定です。", "現在、準備中です。", "について、",
    ]  # fmt: skip
    questions = [
        "件数と、その内訳を示されたい。", "いつ公表するのか。", "なぜか。", "設置してほしい。", "調査したか。",
        "どのような対応を行っているのか。", "見解を示されたい。", "AとBか、Cか。", "把握しているか。", "",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(2000):
        question = "".join(rng.choice(questions) for _ in range(rng.randint(0, 3)))
        answer = "".join(rng.choice(fragments) for _ in range(rng.randint(0, 8)))
        v = judge(lexicon, question, answer)
        assert v.reasons and 0 <= v.confidence <= 1
        assert v.trigger is None or v.trigger in answer
        assert all(answer[c.start : c.start + len(c.text)] == c.text for c in v.clauses)
        assert all(c.sub is None or v.parts[c.sub].treatment == "gives" for c in v.clauses)
        assert v.label != "partial" or v.unanswered


def test_nothing_to_report_is_declined(lexicon):
    v = judge(
        lexicon, "他の地域における被害の状況を示されたい。", "他の地域に関しては、現在報告すべき事項はない。"
    )
    assert v.label == "declined"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("御指摘は当たらない。", "answered"),
        ("政府としては、関係法令に基づき適切に運用しているところである。", "evasive"),
    ],
)
def test_is_it_not_illegal_is_a_yes_no_question(lexicon, answer: str, label: str):
    v = judge(lexicon, "当該通達は、法律の委任の範囲を超えており違法ではないか。", answer)
    assert v.label == label and v.parts[0].kinds == ("yes_no",)


def test_a_matter_done_by_other_bodies_with_nothing_of_ones_own_is_deflected(lexicon):
    item = Item(
        ref="七",
        question="地方公共団体の情報システムの移行について、政府はどのように支援するのか。",
        answer="地方公共団体の情報システムの移行は、各地方公共団体において行われるものである。",
    )
    assert read_by_rules(item, lexicon).label == "deflected"


# --- rules added for general moves (invented examples) -----------------------------------


@pytest.mark.parametrize("why", ["何ゆえ", "なぜ", "どうして"])
def test_why_the_gap_answered_by_the_gap_and_its_reason_is_answered(lexicon, why: str):
    # Diet register: the question names the gap itself and asks why it exists
    v = judge(
        lexicon,
        f"前回答弁書で事故の被害の実態は把握していないと答弁しているが、{why}把握していないのか、その理由を明らかにされたい。",
        "事故については、発生の状況を把握してきたが、被害の実態については、事務上その必要がないことから、これを把握していないものである。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "tail",
    ["、政府の見解を示されたい。", "。貴社の見解をお聞かせください。", "、市の考えを明らかにしてください。"],
)
def test_a_request_for_a_view_after_a_question_only_frames_it(lexicon, tail: str):
    # Diet / company / city registers: 「…のか、政府の見解を示されたい」 is one question, not two
    v = judge(
        lexicon,
        f"「地域と共に歩む」とは具体的にどんな取組のことなのか{tail}",
        "地域の事業者と連携し、毎年二回、住民説明会を開催するとともに、意見を事業計画に反映する取組を指している。",
    )
    assert v.label == "answered"
    assert len(v.parts) == 1


def test_saying_the_remark_stated_the_gist_of_a_plan_is_evasive(lexicon):
    # Diet register: the plan is quoted and the remark is said to have meant it; the criterion asked for is not given
    v = judge(
        lexicon,
        "「住民の納得を得て進める」との演説に関し、どういう状態であれば納得を得たと判断するのか、政府の見解を示されたい。",
        "御指摘の演説では、政府の基本方針の趣旨を述べたものである。",
    )
    assert v.label == "evasive"


@pytest.mark.parametrize(
    "gap", ["記録は残っていない", "データが保存されておりません", "資料は作成していない"]
)
def test_figures_for_now_and_no_records_for_the_past_is_partial(lexicon, gap: str):
    # Diet / ministry register: one part given, the other met with "no records kept"
    v = judge(
        lexicon,
        "平成二十年以降の年度別及び地域別の相談件数を示されたい。",
        f"相談の受付時に集計しているが、保存期間を過ぎたため、過去の年度別の{gap}。令和五年度の件数は、東部で十二件、西部で八件である。",
    )
    assert v.label == "partial"


def test_a_who_question_answered_with_a_bracketed_range_is_answered(lexicon):
    # company register: 「…皆様(…)です」 names who is meant
    v = judge(
        lexicon,
        "説明会の対象となる住民とはだれのことですか?どの範囲ですか?私たちは町内全域と考えています。貴社の見解をお聞かせください。",
        "当社の工事により影響を受ける皆様(工事区域の地権者および騒音の影響がある三地区の皆様)です。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "駐輪場の増設については、利用状況を見ながら検討を進めていく考えである。",
        "ご要望の駐輪場の増設については、対応を検討してまいる所存です。",
        "駐輪場の増設につきましては、検討させていただきたいと存じます。",
        "駐輪場の増設については、庁内で検討を重ねているところです。",
    ],
)
def test_consideration_in_every_conjugation_to_a_request_is_deferred(lexicon, answer: str):
    v = judge(lexicon, "駅前の駐輪場を増設してほしい。", answer)
    assert v.label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "申し上げることはできません。",
        "件数については、統計をとっていないため、わかりません。",
        "件数については、集計を行っておりません。",
        "件数の数値は持ち合わせておりません。",
    ],
)
def test_refusal_and_not_knowing_variants_as_the_whole_are_declined(lexicon, answer: str):
    v = judge(lexicon, "昨年度の苦情の件数を示されたい。", answer)
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "この件については、国に要望しているところです。",
        "ご指摘の件については、警察に情報提供いたします。",
        "ご指摘の件については、事業者に対し、適切な対応を求めてまいります。",
        "当該地は私有地であり、所有者が管理することとなっております。",
        "国においては、対策の検討が進められていると承知しております。",
    ],
)
def test_passing_on_naming_the_owner_or_relaying_is_deflected(lexicon, answer: str):
    # city register: the matter is passed to another body, with nothing of the city's own
    v = judge(lexicon, "空き地の雑草がひどいので、対処してください。", answer)
    assert v.label == "deflected"


@pytest.mark.parametrize(
    "answer",
    [
        "関係機関と連携して対応してまいります。",
        "皆様のご意見を真摯に受け止めてまいります。",
        "頂いたご意見は、関係部署で共有させていただきます。",
    ],
)
def test_generic_city_formulas_are_evasive(lexicon, answer: str):
    v = judge(lexicon, "通学路の危険箇所を何か所把握しているのか、教えてください。", answer)
    assert v.label == "evasive"


@pytest.mark.parametrize(
    "no", ["本町では導入しておりません", "導入する予定はありません", "導入はいたしません"]
)
def test_a_clear_no_first_then_preparing_something_else_is_answered(lexicon, no: str):
    # city register: a topic-only request (「…について」) met by a decision; the 準備 that
    # follows is of the town's own alternative, not a postponement of the answer
    v = judge(
        lexicon,
        "県の健康ポイント制度への参加について",
        f"県の健康ポイント制度につきましては、費用負担などの課題もあり、{no}。なお、町独自の健康アプリを現在準備しているところでございます。",
    )
    assert v.label == "answered"


def test_a_breakdown_given_in_part_and_the_rest_still_being_compiled_is_partial(lexicon):
    # Diet register: one sentence gives one axis and defers the others by name
    v = judge(
        lexicon,
        "一 避難者数の市町村別、年齢別及び男女別の内訳を示されたい。",
        "一 ここでいう避難者とは、災害時に市外へ移った者をいい、その数は先に公表したとおりである。\n\n二 避難者の男女別の数は、右公表のとおりであり市町村別及び年齢別に関しては、現在集計中であって、まだ公表の段階に至っていない。",
    )
    assert v.label == "partial"


def test_saying_it_is_explained_elsewhere_does_not_answer_what_was_asked(lexicon):
    # prefecture register: asked what the effect is, told that it is explained at meetings
    v = judge(
        lexicon,
        "新しい処分場は周辺の井戸水にどのような影響があるのか。",
        "県のホームページ等において、県民からの疑問に答えているところです。また、説明会等においても説明しています。",
    )
    assert v.label != "answered"


def test_saying_where_it_is_explained_answers_how_it_is_explained(lexicon):
    v = judge(
        lexicon,
        "処分場の影響について、住民にどのように説明しているのか。",
        "地区ごとの説明会において説明しているほか、県のホームページでも疑問に答えております。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "交渉の経過については、相手国との関係もあり、明らかにすることは差し控えたい。",
        "交渉の経過は明らかにすることはできない。",
        "交渉の経過については答えられません。",
    ],
)
def test_declining_to_make_clear_is_declined(lexicon, answer: str):
    # Diet and city registers: 「明らかにすることは差し控えたい」「答えられません」
    v = judge(lexicon, "交渉の経過を明らかにされたい。", answer)
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "バス路線の増便については、今後の課題と認識しております。",
        "バス路線の増便については、必要に応じて見直しを検討する。",
        "バス路線の増便については、まだ結論は出ておりません。",
        "バス路線の増便については、回答までにもう少しお時間をいただきたく存じます。",
    ],
)
def test_more_postponements_to_a_request_are_deferred(lexicon, answer: str):
    v = judge(lexicon, "バス路線を増便してほしい。", answer)
    assert v.label == "deferred"


def test_an_acknowledged_urgent_problem_is_not_a_postponement(lexicon):
    # 「喫緊の課題と認識」 acknowledges; the step taken is the answer
    v = judge(
        lexicon,
        "駅前に駐輪場を設置してほしい。",
        "放置自転車は喫緊の課題と認識しております。このため、本年四月に駅前に駐輪場を設置しました。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "今後も、市民の皆様のご意見を伺いながら、より良いまちづくりに取り組んでまいります。",
        "ご指摘の点につきましては、真摯に受け止め、今後の業務改善に活かしてまいります。",
        "ご不便をおかけし申し訳ございません。",
    ],
)
def test_more_city_formulas_are_evasive(lexicon, answer: str):
    v = judge(lexicon, "公園の遊具は何年に設置されたのか、教えてください。", answer)
    assert v.label == "evasive"


def test_another_body_does_it_with_nothing_of_ones_own_is_deflected(lexicon):
    # city register: 「…は県公安委員会が行うこととなっております」 and nothing else
    v = judge(
        lexicon, "横断歩道を設置してください。", "横断歩道の設置は、県公安委員会が行うこととなっております。"
    )
    assert v.label == "deflected"


def test_another_body_does_it_and_the_city_acted_is_answered(lexicon):
    v = judge(
        lexicon,
        "横断歩道を設置してください。",
        "横断歩道の設置は県公安委員会が行うこととなっておりますが、市としても本年五月に県警察へ要望書を提出し、本年度中に設置される予定です。",
    )
    assert v.label == "answered"


def test_kinds_named_in_the_premise_are_not_asked(lexicon):
    # Diet register: 「…の数は把握していないと答弁しているが、何ゆえ…のか」 asks why, not the number
    v = judge(
        lexicon,
        "前回答弁書で補助金の交付先の数は把握していないと答弁しているが、何ゆえ把握していないのか、その理由を明らかにされたい。",
        "補助金については、年度ごとの交付額を把握してきたが、交付先の累計数については、事務上その必要がないことから、これを把握していないものである。",
    )
    assert v.label == "answered"
    assert [p.kinds for p in v.parts] == [("why",)]


def test_words_inside_a_quotation_do_not_make_kinds(lexicon):
    # ministry register: a confirmation question quoting the law; 「手段」「件数」 in the quote ask nothing
    parts = asks(
        "届出をしていないことが直ちに、法第九条の「不正な手段による件数の水増し」に当たるわけではないと理解してよいか。",
        lexicon,
    )
    assert [p.kinds for p in parts] == [("yes_no",)]


@pytest.mark.parametrize(
    "answer",
    ["個別事例ごとに実態に即して判断されることとなります。", "個々の事案に応じて判断されるものです。"],
)
def test_case_by_case_to_a_confirmation_question_is_evasive(lexicon, answer: str):
    # ministry public-comment register: no yes or no to 「…という理解でよいか」
    v = judge(lexicon, "届出は事後でもよいという理解でよいか。", answer)
    assert v.label == "evasive"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("承認番号の表示がない商品については、無許可の商品とご理解ください。", "answered"),
        ("制度の趣旨をご理解ください。", "evasive"),
    ],
)
def test_take_it_that_is_an_answer_but_please_understand_is_a_formula(lexicon, answer: str, label: str):
    # city register: 「…とご理解ください」 states the fact; 「…をご理解ください」 only asks for patience
    v = judge(lexicon, "承認番号のない商品は無許可の商品なのか。", answer)
    assert v.label == label


# --- round 3: rules found on the third-wave tuning pages (examples invented) -------------


def test_a_sentence_announcing_the_reply_gives_nothing(lexicon):
    v = judge(
        lexicon,
        "通学路に防犯灯を増やしてほしい。",
        "ご意見について、教育委員会から回答いたします。防犯灯の増設については、今後の検討課題とさせていただきます。",
    )
    assert v.label == "deferred"


def test_a_greeting_that_thanks_for_understanding_is_not_a_plea_for_it(lexicon):
    v = judge(
        lexicon,
        "公園のベンチを修理してほしい。",
        "平素より市政にご理解とご協力をいただき、誠にありがとうございます。ご指摘のベンチは、5月10日に修理いたしました。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "次回の計画見直しに向け、関係者と調整する。",
        "次期計画の策定において検討。",
    ],
)
def test_terse_public_comment_postponements_are_deferred(lexicon, answer: str):
    v = judge(lexicon, "〇〇地区を保全地域に指定すべき。", answer)
    assert v.label == "deferred"


def test_a_terse_adoption_in_a_comment_table_is_answered(lexicon):
    v = judge(lexicon, "説明会の回数を増やしてほしい。", "→計画(案)「5 推進体制」に追加")
    assert v.label == "answered"


def test_a_stated_intention_to_do_what_was_asked_is_answered(lexicon):
    v = judge(
        lexicon,
        "歩道の段差を直してほしい。",
        "現地を確認したところ、段差がありました。来月中に補修を実施したいと考えておりますので、お待ちください。",
    )
    assert v.label == "answered"


def test_a_closing_promise_to_take_opinions_into_account_after_a_decision_is_answered(lexicon):
    v = judge(
        lexicon,
        "窓口の受付時間を延長してほしい。",
        "4月から平日の受付を午後7時まで延長する予定です。今後とも、皆様のご意見を参考としてまいります。",
    )
    assert v.label == "answered"


def test_what_the_respondents_own_section_reported_is_its_own_answer(lexicon):
    v = judge(
        lexicon,
        "昨年度の講座の参加者数を教えてください。",
        "担当課に確認したところ、昨年度の参加者は延べ420人とのことでした。",
    )
    assert v.label == "answered"


def test_another_body_will_decide_is_deflected(lexicon):
    v = judge(
        lexicon,
        "展望施設の建設場所と時期を教えてほしい。",
        "現時点では計画は定まっていません。今後、県において検討されることとなっています。",
    )
    assert v.label == "deflected"


def test_a_no_about_being_a_designated_secret_is_not_a_refusal(lexicon):
    v = judge(
        lexicon,
        "当該報告書は特定秘密に該当するか。",
        "当該報告書は、法律に定める要件を満たさないため、特定秘密に指定されることはない。",
    )
    assert v.label == "answered"


# The Diet register as 答弁書 of recent years write it (invented wording in their forms).
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "政府は〇〇を実施する考えがあるのか。",
            "御指摘の「〇〇」が具体的に何を指すのか必ずしも明らかではないが、政府としては、引き続き適切に対応してまいりたい。",
            "evasive",
        ),
        ("〇〇の件数は何件か。", "お尋ねの件数を特定することは困難である。", "declined"),
        ("〇〇の所管はどこか。", "〇〇は、国土交通省が所管している。", "answered"),
        ("〇〇を見直す考えはあるか。", "現時点において、〇〇を見直すことは考えていない。", "answered"),
        (
            "〇〇は違法ではないか。",
            "お尋ねは、個別具体的な事案に係るものであり、お答えすることは差し控えたい。",
            "declined",
        ),
        (
            "〇〇の結果はいつ公表するのか。",
            "現在、関係省庁において調査を行っているところであり、その結果を踏まえて適切に対応してまいりたい。",
            "deferred",
        ),
        ("〇〇の実施時期はいつか。", "〇〇については、現在検討中であり、実施時期は未定である。", "deferred"),
    ],
)
def test_recent_diet_register(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_request_met_by_what_is_already_done_is_answered(lexicon):
    v = judge(
        lexicon,
        "路線バスに荷物棚を設けるべきである。",
        "路線バスの車両には、ほぼ全車に荷物棚を設けてありますので、荷物の持ち込みにも対応いたしております。",
    )
    assert v.label == "answered"


# The city register (invented wording in the forms of 市民の声 replies).
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "〇〇線の道路の穴を直してほしい。",
            "ご指摘の道路は県道であり、県が管理しております。市としても、〇〇土木事務所に補修を要望し、来月補修される予定です。",
            "answered",
        ),
        (
            "〇〇をやめるべきではないか。",
            "〇〇は、市民の安全確保のために必要な事業であると考えており、継続して実施してまいります。",
            "answered",
        ),
        (
            "〇〇のバス路線を増便してほしい。",
            "バス路線の運行は、運行事業者である〇〇バス株式会社が判断することとなっております。市からは、いただいたご意見を事業者にお伝えいたします。",
            "deflected",
        ),
        (
            "〇〇を実施してほしい。",
            "ご提案の〇〇につきましては、国の動向を注視しながら研究してまいります。",
            "deferred",
        ),
        (
            "〇〇の料金を引き下げてほしい。",
            "料金については、施設の維持管理に必要な経費を基に算定しており、引き下げは困難です。",
            "answered",
        ),
    ],
)
def test_city_register(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


# Forms of comment tables, town meetings and agency hotlines (invented wording).
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "「創生」より「再生」の方が適当ではないでしょうか。",
            "国の基本方針との整合を図るため、原案どおりとさせていただきます。",
            "answered",
        ),
        (
            "計画の趣旨を広く周知してほしい。",
            "市の広報紙とホームページにより、計画の趣旨の周知を行います。",
            "answered",
        ),
        ("議会の録画配信も行ってほしい。", "議会へ伝えます。", "deflected"),
        ("不正が疑われる業者を調べてくれるのか。", "警察当局へ通報する。", "deflected"),
        ("この件について見解を伺いたい。", "当課は現在、質問には回答しない。", "declined"),
        (
            "登録されている品種はどれくらいあるのか。",
            "現在登録されているものは、AとBとCの3品目。",
            "answered",
        ),
        (
            "事前に相談できる窓口は無いのか。",
            "事前相談の窓口は設置していないが、場合により応じている。",
            "answered",
        ),
        (
            "教室の不足に配慮してほしい。",
            "既存の教室数と必要な教室数を比較しながら、検討を進めます。",
            "deferred",
        ),
        ("バスの到着を音楽で知らせてはどうか。", "検討事項として付け加える。", "deferred"),
        ("石垣が崩れないよう補修してほしい。", "必要性が生じた場合は、補修していきます。", "conditional"),
        (
            "横断歩道に照明を設置してほしい。",
            "国道の照明は国道事務所の管轄になるため、要望書を提出したい。",
            "deflected",
        ),
    ],
)
def test_comment_tables_meetings_and_hotlines(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_copy_cut_in_the_middle_of_a_word_is_said_and_left_uncertain(lexicon):
    v = judge(
        lexicon,
        "図書館の開館時間を延長してほしい。",
        "4月から平日の開館を午後8時まで延長しました。また、土曜日の開館時間につきましては、利用状況を",
    )
    assert any("途中で切れて" in r for r in v.reasons)
    assert v.confidence < UNCERTAIN_BELOW and v.uncertain


def test_a_complete_reply_without_a_final_full_stop_is_not_cut(lexicon):
    v = judge(lexicon, "説明会の回数を増やしてほしい。", "→計画(案)「5 推進体制」に追加")
    assert not any("途中で切れて" in r for r in v.reasons)


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "報告書に削減の効果を特筆すべきではないでしょうか。",
            "ご意見のとおり、削減の効果を本文中に記述します。",
        ),
        ("花壇に花を植えてほしい。", "まだ植えていない。早めに植えていきたい。"),
    ],
)
def test_agreeing_with_the_proposal_or_stating_the_intention_answers_it(lexicon, question: str, answer: str):
    assert judge(lexicon, question, answer).label == "answered"


# Town meetings, hospital suggestion boxes and company replies (invented wording).
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "今年度に限り、受診券なしでも健診を受けられるようにしてほしい。",
            "今年度については、受診券がなくても健診を受けることができるようにします。",
            "answered",
        ),
        ("町の名物を開発してほしい。", "現在、特産品を使った名物の開発を進めている。", "answered"),
        (
            "待合室の飴を配ってほしい。",
            "誤飲のおそれがあるため、今後も飴に変えることはありません。",
            "answered",
        ),
        ("節電の呼びかけをやめてほしい。", "節電の呼びかけはやめない。", "answered"),
        (
            "歩道の幅を広げてほしい。",
            "担当課で現地を確認の上、道路管理者である県の土木事務所に報告いたしました。",
            "deflected",
        ),
        (
            "公園の草刈りをしてほしい。",
            "現地確認を行い、利用者と村で維持管理を行ってまいります。",
            "answered",
        ),
    ],
)
def test_town_meeting_and_suggestion_box_replies(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_bracket_within_a_bracket_does_not_end_the_sentence(lexicon):
    answer = (
        "国民健康保険の保険料(地方税法(昭和二十五年法律第二百二十六号)による国民健康保険税を含む。"
        "以下同じ。)については、所得割額から算定している。なお、調査は毎年行っている。"
    )
    sentences = {piece.sentence for piece in cut(answer, lexicon)}
    assert len(sentences) == 2


# --- replies a group wrote down (negotiations, phone calls) ---------------------------------


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        # the whole reply is one quotation, with who said it after: judged on its words
        ("事故の際、住民の避難はどうするのか。", "「自治体が決めることなので、答えられない。」", "declined"),
        (
            "事故の際、住民の避難はどうするのか。",
            "「自治体が決めることなので、答えられない。」（広報課長より口頭で回答）",
            "declined",
        ),
        (
            "説明会の参加者数を示されたい。",
            "「参加者は120名でした。」（担当者から電話にて回答）",
            "answered",
        ),
    ],
)
def test_a_reply_written_down_as_one_quotation_is_judged_on_its_words(
    lexicon, question: str, answer: str, label: str
):
    v = judge(lexicon, question, answer)
    assert v.label == label
    assert all("電話" not in c.text and "口頭" not in c.text for c in v.clauses)
    for clause in v.clauses:  # offsets still index the answer as written
        assert answer[clause.start : clause.start + len(clause.text)] == clause.text


def test_a_quotation_inside_the_reply_is_not_unwrapped(lexicon):
    answer = "「適正化」とは、手続を見直すことを指しております。"
    v = judge(lexicon, "「適正化」とは何を指すのか。", answer)
    assert v.label == "answered"
    assert v.clauses[0].text.startswith("「適正化」")


@pytest.mark.parametrize(
    "answer",
    [
        "現在は質問に回答しない。秋の集会で、意見交換しながら回答する。",
        "現時点ではお答えできません。次回の協議の場でお示しいたします。",
    ],
)
def test_a_refusal_for_now_with_the_answer_promised_later_is_deferred(lexicon, answer: str):
    v = judge(lexicon, "制度の対象とする考えはあるか。", answer)
    assert v.label == "deferred"
    assert any("後日" in r for r in v.reasons)


def test_a_refusal_without_for_now_stays_declined_beside_a_later_meeting(lexicon):
    v = judge(
        lexicon, "制度の対象とする考えはあるか。", "お答えできません。次回の協議の場でお示しいたします。"
    )
    assert v.label == "declined"


# --- sixth-wave tuning pages: registers of short company tables and Diet replies ------------


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        # a company's table cell or a phone reply written down
        ("貴社は、この原料を使用する予定ですか。", "回答しない", "declined"),
        ("取り扱った理由は何ですか。", "「回答しない」と回答", "declined"),
        ("取り扱った理由は何ですか。", "栄養価が高く、機能性表示食品だから", "answered"),
        (
            "この技術についてご存じでしたか。",
            "一般的な情報は知っているが、懸念の声は知らなかった",
            "answered",
        ),
        # Diet: a study with no conclusion yet
        (
            "騒音が児童に与える影響はどうか。",
            "騒音が心身に及ぼす影響については、医療機関に委託して調査を行つているが、まだ結論を得るに至つていない。",
            "deferred",
        ),
        # another side's deliberation, only known of
        (
            "配備の時期及び機数を示されたい。",
            "配備スケジュール等の詳細については、現在も米側で検討中であると承知している。",
            "deflected",
        ),
        # knowing of the report only concedes before the refusal
        (
            "本件に関する事実関係をどのように認識しているのか。",
            "御指摘の報道については承知しているが、個別の発言に係るお尋ねについては、お答えすることは差し控えたい。",
            "declined",
        ),
        # the view holds the predicate asked about: a yes
        (
            "必要な予算は確保されていると認識しているのか。",
            "入所者数の減少等を勘案して決定してきているところであり、必要な予算を確保しているものと認識している。",
            "answered",
        ),
        # ... a general view does not
        (
            "必要な予算は確保されていると認識しているのか。",
            "予算の確保は重要であると認識している。",
            "evasive",
        ),
        # a procedure in force is not a study to come
        (
            "出国の際に本人の意思を確認すべきと考えるが、見解を示されたい。",
            "実習期間の途中で帰国する場合には、入国審査官が確認票を用いて、本人の出国意思を確認することとしている。",
            "answered",
        ),
    ],
)
def test_sixth_wave_registers(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_request_ending_in_itadakitai_desu_is_a_part_of_its_own(lexicon):
    v = judge(
        lexicon,
        "駐車場を舗装してほしいです。できれば、駐車場をもう少し広げてもらいたいです。",
        "令和7年度に約20台分の駐車場を新設する予定です。",
    )
    assert len(v.parts) == 2
    assert v.label == "partial"
    assert any("舗装" in u for u in v.unanswered)


def test_a_plea_to_accept_the_stated_outcome_answers_the_request(lexicon):
    v = judge(
        lexicon,
        "広場の駐車場をアスファルトにしてほしいです。",
        "自然を体感できる空間とするため、砂利敷の駐車場となることにご理解願います。",
    )
    assert v.label == "answered"
    assert (
        judge(lexicon, "広場の駐車場をアスファルトにしてほしいです。", "ご理解願います。").label == "evasive"
    )


# --- seventh-wave tuning pages --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        # the information is in the documents sent with the reply
        ("申請の方法、経費、決定までの期間を教えて下さい。", "別添資料参照。", "answered"),
        ("認定の基準を教えて下さい。", "別紙のとおりです。", "answered"),
        # 「…はありますか」 asks yes or no, even with 方法 in it
        (
            "申請以外の方法によって審査が行われることもありますか。",
            "申請以外の審査手続きはございません。",
            "answered",
        ),
        ("決定に対して異議申し立てができますか。", "可能ではあります。", "answered"),
        # no known precedent is a plain no to 「例はあるか」
        ("これまで大臣が現場に立ち会った例はあるか。", "お尋ねのような事例は承知していない。", "answered"),
        # ... but not knowing the figure asked is still a refusal of it
        ("昨年度の相談件数は何件か。", "相談件数は承知していない。", "declined"),
        # complying with a named law is the generic formula
        (
            "大豆への収穫前の除草剤使用を中止するよう指導していただきたい。",
            "弊会で取り扱う農産物は、農薬取締法の登録内容を遵守し、適正な使用に基づき生産されております。",
            "evasive",
        ),
    ],
)
def test_seventh_wave_registers(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


# --- tuning round of the ninth session -----------------------------------------------------------


def test_a_request_naming_two_acts_asks_for_each(lexicon):
    v = judge(
        lexicon,
        "駅前の再開発事業をただちに中止し、被災した路線の復旧作業に全力をあげられたい。",
        "被災した路線については、復旧作業に全社一丸となって取り組んでいるところです。",
    )
    assert v.label == "partial"
    assert [p.kinds for p in v.parts] == [("request",), ("request",)]
    assert "中止" in v.parts[0].text and v.parts[0].treatment != "gives"
    assert v.parts[1].treatment == "gives"


def test_one_act_with_its_purpose_is_one_request(lexicon):
    v = judge(lexicon, "歩道を整備し安全を確保してほしい。", "来年度に歩道を整備いたします。")
    assert len(v.parts) == 1 and v.label == "answered"


def test_a_proposal_put_as_koto_wa_dou_ka_is_a_request(lexicon):
    v = judge(
        lexicon,
        "音声案内板を設置することはどうか。",
        "市では、誰もが安心して暮らせるまちを目指していきたいと思います。",
    )
    assert v.parts[0].kinds == ("request",)
    assert v.label != "answered"


def test_a_cause_named_as_the_predicate_asks_yes_or_no(lexicon):
    v = judge(lexicon, "今回の浸水は、排水ポンプの停止が原因であると考えるのか。", "そのとおりである。")
    assert v.parts[0].kinds == ("yes_no",)
    assert v.label == "answered"


def test_a_clear_no_before_a_postponement_that_names_the_point_answers(lexicon):
    v = judge(
        lexicon,
        "貴社は、三月末までに再稼働の審査を申請する方針がありますか。",
        "本件について当社としては何らの決定も行っておりません。当社は、審査の申請に向けて準備を進めていますが、"
        "関係自治体にご説明する考えであります。",
    )
    assert v.label == "answered"
    # with no clear no, the preparation is the reply
    assert (
        judge(
            lexicon,
            "貴社は、三月末までに再稼働の審査を申請する方針がありますか。",
            "当社は、審査の申請に向けて準備を進めています。",
        ).label
        == "deferred"
    )


def test_work_in_hand_told_within_an_account_does_not_defer_it(lexicon):
    question = "職員のための病院を設置する考えがあるかどうか、御所見を問う。"
    v = judge(
        lexicon,
        question,
        "職員は既存の国立病院を利用することができる。なお、大学病院とも特約の締結準備中であります。"
        "職員だけのために病院を設置することは経営上困難であると考える。",
    )
    assert v.label == "answered"
    assert judge(lexicon, question, "現在、関係機関と協議中であります。").label == "deferred"


def test_how_it_is_analysed_asks_for_a_view(lexicon):
    v = judge(
        lexicon,
        "寄附の実績はどのように推移しているか。また、その傾向をどのように分析しているか。",
        "寄附の合計額は、令和元年度約七十億円、令和二年度約百三十億円である。"
        "お尋ねの「傾向」について断定的にお答えすることは困難であるが、おおむね増加傾向にあるものと考えている。",
    )
    assert v.label == "answered"


def test_a_limit_conceded_on_the_way_to_what_was_done_withholds_nothing(lexicon):
    v = judge(
        lexicon,
        "受付で帰るように言われました。失礼だと思いませんか?",
        "この度は失礼な対応があり、申し訳ございません。匿名のため、詳細は分かりかねますが、担当部署の責任者へ報告いたしました。",
    )
    assert v.label == "answered"


def test_what_others_are_asked_to_do_properly_is_not_the_formula(lexicon):
    v = judge(
        lexicon,
        "隣の空き家の草木を清掃するよう所有者へ伝えてください。",
        "問題のある空き家については、現地確認を行い、所有者に適切に管理していただくよう文書を送付しております。"
        "今回の空き家についても同様に対応してまいります。",
    )
    assert v.label == "answered"
    assert (
        judge(lexicon, "隣の空き家の草木を清掃してください。", "適切に対応してまいります。").label
        == "evasive"
    )


def test_making_it_possible_grants_the_request(lexicon):
    v = judge(
        lexicon,
        "今年度に限り、受診券がなくても健診を受診できるようにしてもらいたい。",
        "今年度については、引き続き受診券のない方も健診を受けることができるようにします。",
    )
    assert v.label == "answered"


# --- ninth-wave tuning pages ----------------------------------------------------------------


@pytest.mark.parametrize("answer", ["※回答なし。", "（回答なし）", "無回答"])
def test_a_marker_of_no_reply_is_unanswered(lexicon, answer: str):
    assert judge(lexicon, "賃金を一律一万円引き上げられたい。", answer).label == "unanswered"


def test_not_in_a_position_to_evaluate_declines(lexicon):
    v = judge(
        lexicon, "被災者への対応は十分だと思っておられますか。", "当社として評価すべき立場ではありません。"
    )
    assert v.label == "declined"


def test_guidance_given_to_staff_meets_a_plea_not_to_repeat_it(lexicon):
    v = judge(
        lexicon,
        "窓口で書類の写しを取り忘れ、再度来庁させられました。このような対応は二度としないでいただきたいです。",
        "確認を怠り、大変失礼な対応をしたことをお詫び申し上げます。課の職員全員に対し、窓口での対応について指導をしたところです。",
    )
    assert v.label == "answered"


def test_asking_for_a_view_clearly_or_a_full_list_adds_no_part(lexicon):
    v = judge(
        lexicon,
        "一般国道で代替することの長所と短所にはそれぞれどのようなものがあるか、政府の見解を明確にされたい。",
        "長所としては、例えば、費用の縮減が挙げられ、短所としては、例えば、時間短縮の効果が小さいことが挙げられる。",
    )
    assert len(v.parts) == 1 and v.label == "answered"
    listing = judge(
        lexicon,
        "先住民族に言及した条約にはどのようなものがあるか。すべて列挙されたい。",
        "我が国が締結している条約の中に、先住民族に言及したものはない。",
    )
    assert len(listing.parts) == 1 and listing.label == "answered"


def test_how_the_government_thinks_asks_a_view_not_a_way(lexicon):
    v = judge(
        lexicon,
        "高速道路と一般国道の並行について政府はどのように考えるか。",
        "両者は機能が異なるため、並行して整備することは妥当と考えている。",
    )
    assert v.parts[0].kinds == ("view",)
    assert v.label == "answered"


def test_a_postponement_with_its_ground_answers_why_it_has_not_happened(lexicon):
    question = "計画を本年度中に策定するとの方針が実行されなかった理由は何か。"
    answer = "附帯決議において十分に検証した上で策定するとされたことから、早期の策定を目指して検討を進めているところである。"
    assert judge(lexicon, question, answer).label == "answered"
    # asked what the plan is, the same postponement is the reply
    assert judge(lexicon, "策定する計画の内容は何か。", answer).label == "deferred"


def test_details_asked_only_if_there_are_any_fall_away_with_a_no(lexicon):
    v = judge(
        lexicon,
        "署名したが批准していない条約があるか。ある場合は列挙されたい。",
        "署名したもののいまだ締結していない条約の中に、そのようなものはない。",
    )
    assert v.label == "answered"
    assert [p.treatment for p in v.parts] == ["gives", "gives"]


def test_a_follow_up_on_doing_it_falls_away_when_it_is_not_done(lexicon):
    # 「…しているなら、…」 asks only if the answer is yes; a copy cut in an aside after the
    # no leaves nothing asked unanswered
    v = judge(
        lexicon,
        "市では個人宅へのパンフレットの戸別配布を行っているのか。配布しているなら手渡しにする理由を教えてください。",
        "パンフレットは窓口で配布しているのみで、戸別訪問による配布は行っておりません。なお、最近では市の職員を装って",
    )
    assert v.label == "answered"


def test_the_askers_own_concern_is_not_the_act_asked(lexicon):
    # 「…のではないかと危惧しています」: the respondent is not asked to 危惧; proceeding as
    # planned is its decision
    v = judge(
        lexicon,
        "住民の理解がないまま保育園の整備が進めば、地域に溝が残るのではないかと危惧しています。",
        "保育園の整備は計画どおり進めてまいります。近隣の皆様には設計案をご説明いたします。",
    )
    assert v.label == "answered"


def test_a_plan_changed_as_asked_answers_a_public_comment(lexicon):
    v = judge(
        lexicon,
        "計画に高齢者への支援の記載がない。施策の柱に加えるべきである。",
        "高齢者への支援を施策の柱として明確に位置づけました。",
    )
    assert v.label == "answered"


def test_the_bare_verb_of_doing_after_its_grounds_decides(lexicon):
    # a town meeting's summary in the plain register: 「…可能なので、行う。」
    v = judge(lexicon, "バス停付近のごみのポイ捨て対策をお願いしたい。", "市で対応可能なので、行う。")
    assert v.label == "answered"


def test_the_meaning_of_a_quoted_term_unclear_is_the_diet_hedge(lexicon):
    pieces = cut("「参加」の意味するところが明らかではないが、そのような条約はない。", lexicon)
    assert pieces[0].move == "unclear" and pieces[1].move is None


# --- conjugation and register sweeps: a move is known in all its usual forms ----------------

_DELIBERATION_FORMS = [
    "検討してまいります",
    "考えていきたいと思います",
    "検証を進めてまいります",
    "精査を続けてまいります",
    "判断を重ねてまいります",
    "確認を進めてまいります",
    "研究中でございます",
    "検討を始めたところです",
    "調査に着手しております",
    "検討に努めてまいります",
    "研究に取り組んでまいります",
    "精査いたしたい",
    "検証させていただきます",
    "検討させていただければと考えております",
    "考えさせていただきます",
    "検討の上、対応してまいります",
    "単身世帯の入居要件の緩和について検討するほか",
    "引き続き検討させていただきたく存じます",
    "見直しの時期に合わせて判断したいと考えております",
    "現地を確認した上で対応を判断いたします",
]


@pytest.mark.parametrize("form", _DELIBERATION_FORMS)
def test_deliberation_is_known_in_its_usual_forms(lexicon, form: str):
    assert "defers" in {h.move for h in lexicon.scan(f"ご提案の件につきましては、{form}。")}


def test_a_deliberation_in_any_form_defers_a_request(lexicon):
    for form in ("考えていきたいと思います", "検証を進めてまいります", "検討を始めたところです"):
        v = judge(
            lexicon, "公園の遊具を増やしてほしい。", f"遊具の増設については、地域の皆様と一緒に{form}。"
        )
        assert v.label == "deferred", form


@pytest.mark.parametrize(
    ("answer", "move"),
    [
        ("信号機の設置は警察の判断によるものです。", "other_body"),
        ("実施の時期は各校長の判断に委ねております。", "other_body"),
        ("本件は市の所管外となります。", "other_body"),
        ("民民の問題であり、市が介入することはできません。", "other_body"),
        ("樹木は所有者が管理すべきものです。", "other_body"),
        ("市が関与できるものではありません。", "other_body"),
        ("事故の原因は不明です。", "not_known"),
        ("事実の確認が取れておりません。", "not_known"),
        ("発生源は特定できません。", "not_known"),
        ("把握する立場にございません。", "not_known"),
        ("警察に伺ったところ、巡回を強化しているそうです。", "relays"),
        ("ご意見の趣旨を十分に踏まえてまいります。", "formula"),
        ("一層の充実を図ってまいります。", "formula"),
        ("必要に応じて対応してまいります。", "formula"),
        ("ケースバイケースです。", "formula"),
        ("事案ごとに判断されるものです。", "formula"),
    ],
)
def test_moves_are_known_in_the_city_and_agency_registers(lexicon, answer: str, move: str):
    assert move in {h.move for h in lexicon.scan(answer)}


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        ("交差点に信号機を設置してほしい。", "信号機の設置は警察の判断によるものです。", "deflected"),
        ("騒音をなくしてほしい。", "民民の問題であり、市が関与できるものではありません。", "deflected"),
        ("事故の件数と原因を示されたい。", "件数は3件です。原因は不明です。", "partial"),
        ("バスを増便してほしい。", "ご意見の趣旨を十分に踏まえてまいります。", "evasive"),
        ("開館時間を延長する考えはあるか。", "ケースバイケースです。", "evasive"),
        # the judgement of another body named, and the respondent's own step told: answered
        (
            "交差点に信号機を設置してほしい。",
            "信号機の設置は公安委員会の判断によるものですが、市から警察署へ要望書を提出し、来年度設置されることになりました。",
            "answered",
        ),
    ],
)
def test_register_sweep_labels(lexicon, question: str, answer: str, label: str):
    assert judge(lexicon, question, answer).label == label


def test_a_proposal_put_as_to_iu_no_wa_dou_ka_is_a_request(lexicon):
    v = judge(
        lexicon,
        "空き家を解体し、公園を造るというのはどうか。",
        "空き家の活用方法を地域の皆さんと考えていきたいと思います。",
    )
    assert v.parts[0].kinds == ("request",)
    assert v.label == "deferred"


def test_what_one_thinks_of_a_plan_asks_a_view(lexicon):
    v = judge(lexicon, "合葬式墓地の考えはどうか。", "合葬式墓地は設けない考えです。")
    assert "view" in v.parts[0].kinds


def test_an_opinion_taken_into_account_with_the_change_made_is_answered(lexicon):
    question = "全盲の方のため、「代読」の記載を追加してほしい。"
    assert (
        judge(lexicon, question, "ご意見を踏まえて、手段の一例として記述を追加いたします。").label
        == "answered"
    )
    # without the change itself, taking the opinion into account only defers
    assert judge(lexicon, question, "ご意見を踏まえて、今後の改定の際に検討いたします。").label == "deferred"


def test_a_survey_cited_is_evidence_not_another_body_relayed(lexicon):
    pieces = cut("患者調査等によれば、受療率が増加している。", lexicon)
    assert all(p.move != "relays" for p in pieces)
    relayed = cut("警察によれば、巡回を強化しているとのことです。", lexicon)
    assert any(p.move == "relays" for p in relayed)


def test_ikura_asks_for_an_amount(lexicon):
    v = judge(lexicon, "平均賃金は月額幾らアップしたか。", "月額約一万五千円の増加であった。")
    assert v.parts[0].kinds == ("quantity",)
    assert v.label == "answered"


def test_could_you_not_do_it_for_us_is_a_request(lexicon):
    v = judge(
        lexicon,
        "公園の遊具が傷んでいるので、補修していただいたりできないのでしょうか?",
        "遊具につきましては、点検を行い必要な箇所を修繕していく予定でございます。",
    )
    assert v.parts[0].kinds == ("request",)
    assert v.label == "answered"


def test_asking_another_body_to_look_is_passing_on(lexicon):
    pieces = cut("時間帯で駐在に見てもらうようにできるか、警察に伺ってみようと思う。", lexicon)
    assert any(p.move == "passes_on" for p in pieces)


def test_the_owners_duty_stated_names_another_body(lexicon):
    v = judge(
        lexicon,
        "近所の空き家を何とかしてください。",
        "空き家は私有財産であり、所有者等が自ら適切に管理する必要があります。",
    )
    assert v.label == "deflected"


@pytest.mark.parametrize(
    "question",
    [
        "歩道に街灯を設置していただけないでしょうか。",
        "歩道に街灯を設置してもらえませんか。",
        "街灯を設置してくれませんか。",
        "街灯の設置をお願いできないでしょうか。",
        "街灯の設置を強く求めます。",
        "街灯があればいいと思います。",
        "可能であれば街灯を設置して欲しく思います。",
        "街灯を設置していただきたく存じます。",
    ],
)
def test_polite_requests_in_the_city_register_ask_to_act(lexicon, question: str):
    v = judge(lexicon, question, "街灯の設置については、今後検討してまいります。")
    assert [p.kinds for p in v.parts] == [("request",)]
    assert v.label == "deferred"


def test_a_second_request_put_as_hoshiku_omoimasu_is_a_part_of_its_own(lexicon):
    v = judge(
        lexicon,
        "自転車通園を認めてほしいです。可能であれば通園バスを整備して欲しく思います。",
        "自転車通園につきましては、安全上の理由から認めておりません。",
    )
    assert [p.kinds for p in v.parts] == [("request",), ("request",)]


def test_a_formula_that_only_opens_a_decision_does_not_hide_it(lexicon):
    v = judge(lexicon, "自転車通園を認めてほしいです。", "安全を最優先に考え、自転車通園は認めておりません。")
    assert v.label == "answered"
    assert (
        judge(lexicon, "自転車通園を認めてほしいです。", "安全を最優先に、適切に対応してまいります。").label
        == "evasive"
    )


def test_a_proposal_met_by_the_usual_practice_and_then_set_aside_is_talked_around(lexicon):
    question = "12月には郷土の偉人に関連する書籍の展示をお願いします。"
    usual = "1階の企画展示は年間計画に沿って準備・実施しています。"
    v = judge(
        lexicon,
        question,
        usual + "ご提案いただいた展示については、来年度以降の展示計画の参考とさせていただきます。",
    )
    assert v.label == "evasive"
    # a decision before the formula answers
    v = judge(
        lexicon,
        question,
        "12月は別の展示を予定しているため、実施は困難です。ご提案いただいた展示については、今後の参考とさせていただきます。",
    )
    assert v.label == "answered"


def test_a_copy_cut_in_its_closing_courtesy_is_not_a_cut_answer(lexicon):
    question = "ウォーキングコースを確保してほしい。それと、更衣室を広くしてほしい。"
    answer = "ウォーキングコースを確保いたします。更衣室は来年度に改修いたします。貴重なご意見"
    assert judge(lexicon, question, answer).label == "answered"
    answer = "ウォーキングコースを確保いたします。更衣室は来年度に改修いたします。なお、改修の期間中は、"
    assert judge(lexicon, question, answer).label == "partial"


def test_a_word_ending_in_ka_is_not_a_question(lexicon):
    v = judge(
        lexicon,
        "そのほか、正門の周りのフェンスが老朽化しています。修繕をお願いできないでしょうか。",
        "フェンスの張替えを発注し、修繕いたしました。",
    )
    assert len(v.parts) == 1 and v.label == "answered"


@pytest.mark.parametrize(
    "question",
    [
        "公園に生き物を紹介する施設を作るのはどうか。",
        "外来生物の駆除を進めていくことはどうか。",
        "地域のキャラクターを募集してはどうですか。",
        "駅前に駐輪場を設けたらどうでしょうか。",
        "試しに車いすで歩道を通ってみたらいかがでしょうか。",
    ],
)
def test_proposals_in_any_verb_form_ask_to_act(lexicon, question: str):
    v = judge(lexicon, question, "ご提案につきましては、今後の参考とさせていただきます。")
    assert [p.kinds for p in v.parts] == [("request",)]
    assert v.label == "evasive"


@pytest.mark.parametrize("ending", ["お聞きしたい", "お尋ねします", "お伺いします", "伺います", "問う"])
def test_asking_verbs_end_a_question(lexicon, ending: str):
    v = judge(
        lexicon,
        f"現在の作業状況を{ending}。また、結果を公表する時期も{ending}。",
        "沿線の騒音状況の調査を進めております。",
    )
    assert len(v.parts) == 2
    assert v.label == "partial"


def test_asking_the_view_after_a_proposal_only_repeats_it(lexicon):
    v = judge(
        lexicon,
        "無料パスは会期中のみ有効なものとすべきである。なお、これに対する当局の見解を問う。",
        "会期中のみ有効なものとするよう、取扱いを改めることとした。",
    )
    assert len(v.parts) == 1
    assert v.label == "answered"


@pytest.mark.parametrize("question", ["右発言に対する政府の評価如何。", "この計画に対する政府の処見を問う。"])
def test_evaluation_asked_in_the_diet_register_asks_a_view(lexicon, question: str):
    v = judge(lexicon, question, "御指摘の計画については、承知している。")
    assert v.parts[0].kinds == ("view",)


def test_the_state_of_the_work_asks_what_is_being_done(lexicon):
    v = judge(lexicon, "レジ袋削減の取り組み状況を伺う。", "現在、事業者と協定を結び、削減を進めております。")
    assert v.parts[0].kinds == ("doing",)
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "条例上、「市長」は執行機関を指しており、標記として問題無いと考えます。",
        "今ある施設を工夫し、生き物や植物を紹介していきたいと思います。",
    ],
)
def test_no_change_needed_or_the_step_one_will_take_answers_a_proposal(lexicon, answer: str):
    v = judge(lexicon, "表記を「市及び管轄警察署」に揃えるのはどうか。", answer)
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "浄土ヶ浜近くの宿泊施設を公園区域に含めるべき。",
            "当該地は市街化されており、公園区域編入は難しい。",
        ),
        (
            "本記述は削除すべき。理由：根拠が明確でない。",
            "計画に記載されているところ、原案どおりとさせていただきます。",
        ),
        ("計画の趣旨について広い周知が必要。", "広報紙やホームページにより、周知を行います。"),
    ],
)
def test_a_comment_ending_in_beki_or_hitsuyou_asks_to_act(lexicon, question: str, answer: str):
    v = judge(lexicon, question, answer)
    assert v.parts[0].kinds == ("request",)
    assert v.label == "answered"


def test_the_closing_of_a_letter_is_not_what_it_asks(lexicon):
    v = judge(
        lexicon,
        "市内にライブカメラを設置されることを提案いたします。御検討のほど宜しくお願い致します。",
        "ライブカメラの設置は、個人情報保護の観点から難しいものと考えております。",
    )
    assert [p.text for p in v.parts] == ["市内にライブカメラを設置されることを提案いたします"]
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("街の真ん中に、だれでも気軽に入れる図書館ができることを夢見ています。", ()),
        ("ごみの減量について、個別の取り組みの周知が必要。", ("request",)),
    ],
)
def test_words_that_only_look_like_asking_who_or_a_breakdown(lexicon, question: str, kinds: tuple[str, ...]):
    v = judge(lexicon, question, "新しい図書館の設計を進めております。")
    assert v.parts[0].kinds == kinds


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("今後の施策の在り方について、どのように認識しているか。", ("view",)),
        ("政府は事故の件数を把握しているか。", ("yes_no",)),
    ],
)
def test_how_one_sees_it_asks_a_view_whether_one_knows_asks_yes_or_no(
    lexicon, question: str, kinds: tuple[str, ...]
):
    v = judge(lexicon, question, "所有者の特定が困難であること等が課題であると認識している。")
    assert v.parts[0].kinds == kinds


def test_a_standing_decision_not_to_publish_answers_a_proposal_to_publish(lexicon):
    v = judge(
        lexicon,
        "調書は、国民的な議論のため、全面公開すべきと考えるが、いかがか。",
        "本人が公表を望まない旨の意思を示していたこと等から、調書は公開しないこととしているものである。",
    )
    assert v.parts[0].kinds == ("request",)
    assert v.label == "answered"


def test_asked_to_disclose_and_refusing_is_still_declined(lexicon):
    v = judge(lexicon, "事故の件数を明らかにされたい。", "お答えすることは差し控えたい。")
    assert v.label == "declined"


def test_an_answer_relayed_from_the_respondents_own_department_is_its_own(lexicon):
    v = judge(
        lexicon,
        "バスの便数が少ないので、交通手段を考えてもらいたい。",
        "担当部局(都市計画部)から、「来年度から、ふれあい交通の運行地区を拡大する予定である。」"
        "との回答がありました。",
    )
    assert v.label == "answered"


def test_we_will_press_for_it_answers_a_request_to_press_for_it(lexicon):
    v = judge(
        lexicon,
        "便数を増やすため、バス事業者への要請について考えてもらいたい。",
        "本市としては、定期的な協議の場など、あらゆる機会を通じて要請していく。",
    )
    assert v.label == "answered"


def test_when_and_who_of_one_question_are_both_given_by_one_clause(lexicon):
    v = judge(
        lexicon,
        "調査計画書の計画図はいつ誰が書いたのですか。",
        "調査計画書(計画図を含む。)については、東京都が作成し、平成二十六年三月に公表したものと承知している。",
    )
    assert [p.kinds for p in v.parts] == [("when",), ("who",)]
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("防衛省が、何故、この時期に調査団を派遣したのか、その目的を明らかにされたい。", ("why",)),
        ("疑いの理由となった行為の概要は、具体的に通知すべき。", ("request",)),
        ("事業者が確約手続によるかどうかを判断できるよう、行為の概要を具体的に通知すべき。", ("request",)),
    ],
)
def test_words_that_name_a_time_a_reason_or_whether_without_asking_it(
    lexicon, question: str, kinds: tuple[str, ...]
):
    v = judge(lexicon, question, "通知の手続を通じて、懸念は十分に伝達できるものと考えています。")
    assert v.parts[0].kinds == kinds


def test_an_intention_to_do_the_very_thing_answers_whether_it_is_planned(lexicon):
    v = judge(
        lexicon,
        "廃案となった法案について、臨時会において再提出する予定はあるか。",
        "可能な限り早期に、改めて、所要の法案を国会に提出したいと考えている。",
    )
    assert v.label == "answered"


def test_a_proposal_then_the_view_asked_of_it_is_a_request(lexicon):
    v = judge(
        lexicon,
        "県との調整が困難であっても、制度の拡充を実施すべきであると考えるが、市長の見解は。",
        "住む場所で受けられるサービスが異なることがあってはならないと考える。引き続き努力したい。",
    )
    assert v.parts[0].kinds == ("request",)
    assert v.label == "evasive"


def test_a_clause_that_leads_into_a_question_of_state_does_not_ask_to_act(lexicon):
    v = judge(
        lexicon,
        "我が国における火山噴火を予知し、被害を未然に防ぐための体制は現在どのような状況にあるのか説明されたい。",
        "気象庁では、全国の活火山の活動状況を監視しており、噴火警報等を発表するなどの対応を行っているところである。",
    )
    assert len(v.parts) == 1
    assert v.label == "answered"


@pytest.mark.parametrize(
    "ending",
    [
        "ほしいと思っています。",
        "お聞きしたいと存じます。",
        "いただきたいです。",
        "提案いたします。",
        "かどうか。",
        "ますか？",
    ],
)
def test_the_longest_asking_endings_are_seen_after_a_long_sentence(lexicon, ending: str):
    asking = "駅前広場の" + "整備計画について、地元の意見を十分に聴いた上で、" * 3 + "見直しを" + ending
    assert split_subquestions(asking + "駅前は朝夕とても混雑しています。") == [asking.rstrip("。")]


def test_waiting_for_guidance_from_above_is_deferred(lexicon):
    v = judge(
        lexicon,
        "法律の制定を受けて、市としてどのような対応をするのか。",
        "今後、基本的な指針が国または都道府県から示されると認識しておりますので、それらを確認しながら"
        "対応してまいりたいと考えております。",
    )
    assert v.label == "deferred"


def test_how_do_you_see_it_in_the_formal_register_asks_a_view(lexicon):
    v = judge(
        lexicon, "この実態を保険者である市長はいかにお考えですか。", "大変重要な課題であると考えております。"
    )
    assert v.parts[0].kinds == ("view",)


def test_a_lead_that_only_says_i_ask_is_not_a_question_of_its_own(lexicon):
    v = judge(lexicon, "市としてどのような対応をするつもりなのか、まず伺います。", "条例を制定する予定です。")
    assert len(v.parts) == 1


@pytest.mark.parametrize(
    "plea",
    [
        "通学路に水がたまります。何とかしてください。",
        "防災無線が聞き取れません。どうにかなりませんか。",
        "夜の公園が暗くて怖いです。なんとかならないのでしょうか。",
        "いつも渋滞しているので、信号の時間を変えてもらえませんか。",
        "どこでも見かける看板ですが、撤去してほしい。",
    ],
)
def test_words_that_only_look_like_question_words_still_ask_to_act(lexicon, plea: str):
    # 「何とか」「どうにか」「いつも」「どこでも」 ask nothing; the sentence asks for something to be done
    v = judge(lexicon, plea, "今後、検討してまいります。")
    assert [p.kinds for p in v.parts] == [("request",)]
    assert v.label == "deferred"


@pytest.mark.parametrize(
    ("question", "kind", "answer"),
    [
        ("いつまでに直しますか。", "when", "来年3月までに修繕します。"),
        ("何時頃に来ますか。", "when", "午後2時頃に伺います。"),
        ("何か月かかりますか。", "quantity", "工事には約3か月かかります。"),
    ],
)
def test_real_question_words_are_still_question_words(lexicon, question: str, kind: str, answer: str):
    v = judge(lexicon, question, answer)
    assert v.parts[0].kinds == (kind,)
    assert v.label == "answered"


def test_a_check_promised_after_the_asker_gets_in_touch_is_conditional(lexicon):
    v = judge(
        lexicon,
        "防災無線が聞き取れません。どうにかなりませんか。",
        "建物の気密性などにより聞こえにくい場合がございますので、一度ご連絡をいただいたうえで、"
        "現状把握の調査をさせていただきたいと思います。",
    )
    assert v.label == "conditional"


@pytest.mark.parametrize(
    "answer",
    [
        "ご提案の場所は国有地であり、造成も必要となることから、現状においては実現が難しいと考えます。",
        "用地の確保ができないため、新たな公園の整備は困難な状況です。",
    ],
)
def test_a_request_met_by_difficult_with_its_grounds_is_a_no(lexicon, answer: str):
    v = judge(lexicon, "近くに小さな公園があれば助かると思っています。", answer)
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "バスに添乗員を乗せ、お互いに助け合うよう指導して下さい。",
            "小学生のバスには添乗員をつけます。お互いが助け合うことを指導する。",
        ),
        (
            "停留所で道路を横断しなくてよいようにしてほしい。",
            "反対側に乗降場所を作り、道路を横断しないようにする。",
        ),
    ],
)
def test_a_decision_in_the_plain_register_answers_a_request(lexicon, question: str, answer: str):
    v = judge(lexicon, question, answer)
    assert v.label == "answered"


def test_a_change_promised_after_an_apology_answers_a_complaint(lexicon):
    v = judge(
        lexicon,
        "お知らせには13時からとあったのに、12時45分に止まりました。13時と言ったら13時に止めて下さい。",
        "貴重なご意見をありがとうございます。ご不便をおかけしましたこと、申し訳ありませんでした。"
        "今後は、情報を正確にお伝えできるよう改善してまいります。",
    )
    assert v.label == "answered"


def test_an_effort_alone_still_does_not_answer_a_complaint(lexicon):
    v = judge(
        lexicon,
        "13時と言ったら13時に止めて下さい。",
        "貴重なご意見をありがとうございます。今後も周知に努めてまいります。",
    )
    assert v.label == "evasive"


def test_a_request_met_by_what_was_removed_and_why_is_a_no(lexicon):
    v = judge(
        lexicon,
        "トイレの個室に棚を作ってほしい。",
        "以前は棚を設置しておりましたが、頭を打ったという報告があり、撤去させていただいております。"
        "ご不便をおかけしますが、ご理解の程よろしくお願いいたします。",
    )
    assert v.label == "answered"


def test_a_bare_plea_asks_for_what_the_sentence_before_says(lexicon):
    v = judge(
        lexicon,
        "家の周りに街灯が少なく、町内会も無いので夜は真っ暗です。どうにかしてください。",
        "町内会のない地区の街灯についても、グループを作り代表者を決めていただくことで設置費を助成しております。"
        "申請用紙は危機管理室にご用意しております。",
    )
    assert len(v.parts) == 1 and "街灯" in v.parts[0].text
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "大型区画化は、地元農家の方々からの要望を受けてから進めるべきだと考える。",
        "地元の合意が得られれば、整備を検討いたします。",
    ],
)
def test_a_yes_once_the_locals_ask_or_agree_is_conditional(lexicon, answer: str):
    v = judge(lexicon, "各地区で農地の大型区画化を進めてはどうか。", answer)
    assert v.label == "conditional"


def test_cannot_force_it_is_a_no_to_a_request(lexicon):
    v = judge(
        lexicon,
        "空き家の貸借を進めてはどうか。",
        "空き家の管理は所有者にあるため、村が貸借を強制することはできないと考える。",
    )
    assert v.label == "answered"


def test_a_rhetorical_question_beside_a_request_is_its_argument_not_a_part(lexicon):
    v = judge(
        lexicon,
        "意見公募があれば、紙面を見る人が増えるのではないか。紙面にQRコードを載せてアンケートを実施してはどうか。",
        "県では、新聞や各種媒体で情報発信を行っています。いただいた御意見を参考に、理解度を測る取組も検討していきます。",
    )
    assert len(v.parts) == 1 and "アンケート" in v.parts[0].text
    assert v.label == "deferred"


def test_a_rhetorical_question_alone_is_still_asked(lexicon):
    v = judge(
        lexicon, "この計画では待機児童は減らないのではないでしょうか。", "今後、状況を注視してまいります。"
    )
    assert len(v.parts) == 1
    assert v.label == "evasive"


@pytest.mark.parametrize(
    ("question", "stem"),
    [
        ("この報告書を全構成員に配付されるご予定でしょうか。", "配付"),
        ("貴社は、この製品を使用する予定ですか。", "使用"),
        ("回収を行う考えはあるか。", "回収"),
    ],
)
def test_the_act_before_an_intent_asked_is_the_questions_stem(lexicon, question: str, stem: str):
    assert [a.stem for a in asks(question, lexicon)] == [stem]


def test_a_request_restated_with_a_figure_is_one_request(lexicon):
    v = judge(
        lexicon,
        "水泳教室の定員を増やしてほしいです。希望しても入れない子がいます。今は30人なので、あと10人ほど増やしてほしいです。",
        "水泳教室は指導員3名で安全に指導できる人数として、30名の定員としています。今年度は、増員は難しいと考えております。",
    )
    assert len(v.parts) == 1 and "10人" in v.parts[0].text
    assert v.label == "answered"


def test_what_is_done_put_as_a_lead_into_a_formula_does_not_meet_a_request(lexicon):
    # 「…行っておりますが、」 only sets up the closing effort; it is not the support asked for
    v = judge(
        lexicon,
        "集会所の修繕費について、市からの補助をお願いします。",
        "各集会所は地域の皆様にご活用いただいております。集会所の修繕は自治会で行っておりますが、"
        "今後も利用しやすい環境づくりに努めてまいります。",
    )
    assert v.label == "evasive"


def test_the_reason_asked_only_for_a_no_belongs_to_the_request(lexicon):
    v = judge(
        lexicon,
        "紙の通知書を今後も送っていただけませんか。送付できない場合、その理由もお聞かせください。",
        "前回お答えしたとおり、当社では電子通知への切替えを全契約で進めており、紙の通知書を送付する予定はありません。",
    )
    assert len(v.parts) == 1 and "理由" in v.parts[0].text
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "駐輪場に屋根を付けてほしいです。",
            "駐輪場の屋根は、景観条例により設置できるものではないのでご理解ください。",
        ),
        (
            "公園の照明を夜通し点けてほしいです。",
            "公園の照明は、近隣の方への配慮から点灯を22時までに限定しておりますのでご了承ください。",
        ),
    ],
)
def test_a_no_put_as_a_fact_to_accept_answers_a_request(lexicon, question: str, answer: str):
    assert judge(lexicon, question, answer).label == "answered"


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "通学路の交差点に信号機の設置を希望します。",
            "今後、地元の皆様のご意見を参考とさせていただきたいと思います。",
            "evasive",
        ),
        (
            "駅の公衆トイレは石けんもなく不便です。早急に改善を提言します。",
            "公衆トイレの石けんの備付けを来月1日から再開いたします。",
            "answered",
        ),
    ],
)
def test_hoping_for_or_proposing_a_step_asks_for_it(lexicon, question: str, answer: str, label: str):
    (part,) = asks(question, lexicon)
    assert part.kinds == ("request",) and part.stem is None
    assert judge(lexicon, question, answer).label == label


@pytest.mark.parametrize(
    "question",
    [
        "公園にベンチを設置していただけますか。",
        "歩道の段差を改善願えますでしょうか。",
        "案内板の修正を検討していただければ幸いに存じます。",
    ],
)
def test_asking_whether_the_body_can_act_is_a_request(lexicon, question: str):
    assert [a.kinds for a in asks(question, lexicon)] == [("request",)]


def test_a_no_with_what_is_done_instead_answers_a_request(lexicon):
    v = judge(
        lexicon,
        "ごみの放置が増えているので、公園でのバーベキューを禁止してほしい。",
        "バーベキューを一律禁止にするのではなく、ごみを持ち帰っていただけるよう呼びかけを強化していきます。",
    )
    assert v.label == "answered"


def test_diet_declining_to_state_a_view_is_declined(lexicon):
    v = judge(
        lexicon,
        "同委員の発言に対する政府の見解如何。",
        "同委員が個人的に行った発言について、政府として見解を述べることは差し控えたい。",
    )
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "お尋ねについては、該当するものはない。",
        "お尋ねの「機関」は、例えば、総務省、外務省及び防衛省である。",
    ],
)
def test_diet_a_list_asked_for_is_given_by_the_list_or_by_none(lexicon, answer: str):
    v = judge(lexicon, "過去五年間に同室が意見を聴いた機関の名称を列挙されたい。", answer)
    assert v.label == "answered"


def test_diet_known_of_the_reports_but_not_of_the_content_is_a_no(lexicon):
    v = judge(
        lexicon,
        "政府は同発言の内容を正確に承知しているか。",
        "御指摘の発言に関する報道があったことは承知しているが、その発言の具体的内容は承知していない。",
    )
    assert v.label == "answered"


def test_diet_asked_why_a_view_was_withheld_the_reason_is_the_answer(lexicon):
    v = judge(
        lexicon,
        "前回答弁書において、同発言に関する見解を拒んでいるのはなぜか。",
        "法は放送事業者の自主自律を基本としており、その趣旨を踏まえて、個別の発言について、"
        "政府として見解を述べることは差し控えたものである。",
    )
    assert v.label == "answered"


def test_another_deciding_it_with_nothing_of_ones_own_is_deflected(lexicon):
    v = judge(
        lexicon,
        "指定店でしか買えない高額な体操着を指定している理由を教えてほしい。",
        "学校の体操着の指定は、学校長が決定しています。",
    )
    assert v.label == "deflected"


@pytest.mark.parametrize(
    "answer",
    [
        # the no after its grounds, with no subject named
        "貴重なご意見ありがとうございます。歩道が狭く、待避する場所もないことを考えると、難しいと考えます。",
        # a decision after the postponement it ends: the decision is the last word
        "これまでも関係者と協議を行っておりますが、車両の転回場所がないため難しいと判断しています。",
    ],
)
def test_city_a_no_after_its_grounds_answers_a_request(lexicon, answer: str):
    v = judge(lexicon, "団地の中まで巡回バスを乗り入れてはいかがでしょうか。", answer)
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("地域の伝統行事の継承については、市と県が連携してサポートしていきます。", "answered"),
        # promoting in general, or asking another body, is not the act asked for
        ("今後も地域の活性化に向けて、魅力あるまちづくりを推進してまいります。", "evasive"),
        (
            "祭りの会場となる県道については、道路管理者である県に対し、安全対策を要望してまいります。",
            "deflected",
        ),
    ],
)
def test_city_the_act_asked_for_promised_politely_answers_a_request(lexicon, answer: str, label: str):
    v = judge(lexicon, "地域の伝統行事を残していくため、支援をお願いしたい。", answer)
    assert v.label == label


def test_a_standing_arrangement_of_another_body_does_not_meet_a_request(lexicon):
    # a date in an account of how things stand is no dated step promised by the respondent
    v = judge(
        lexicon,
        "県が主体となって、高校生向けの職場体験を開催してほしいです。",
        "職場体験については、今年度からは各市町村が主体となって実施されています。",
    )
    assert v.label == "deflected"


def test_a_closing_plea_for_effort_after_questions_asks_no_act(lexicon):
    v = judge(
        lexicon,
        "今回の説明会は条例に基づくものか否か。広報紙に掲載しなかったのはなぜか。広く周知する努力をして欲しい。",
        "今回の説明会は条例に基づくものではありません。任意で開催したため、広報紙には掲載しておりません。",
    )
    assert v.label == "answered"
    assert len(v.parts) == 2


def test_a_request_naming_a_time_asks_for_the_act_not_the_time(lexicon):
    # 「時期」 names what the act changes: 「…対応を検討します」 defers the request
    v = judge(
        lexicon,
        "改修工事の時期について、利用者への影響が大きい場合は、工事の時期を延期すること。",
        "令和7年度末の工事開始に影響が大きいと判断される場合にあっては、関係者の意見も聞きながら工事時期を含め対応を検討します。",
    )
    assert v.label == "deferred"


def test_each_yes_no_part_takes_its_own_sentence(lexicon):
    # the part with no words of its own is given by the first sentence; the second gives the next
    v = judge(
        lexicon,
        "講座は必ず受講するものなのでしょうか。また、講座も実習も受講しないこともできるのでしょうか。",
        "講座の受講は任意です。また、どちらも受講しないこともできます。",
    )
    assert v.label == "answered"


def test_asking_leave_is_a_yes_no_question(lexicon):
    # a noun in the premise (費用) does not make 「…してもいいですか」 ask for a figure
    v = judge(
        lexicon,
        "工事の費用を抑えたいので、事前に施工業者に相談してもいいですか。",
        "施工業者に相談していただいても構いませんし、担当課に相談していただいても結構です。",
    )
    assert v.label == "answered"


def test_acting_only_if_the_respondent_is_found_the_cause_is_conditional(lexicon):
    v = judge(
        lexicon,
        "町が行った道路工事のせいで、側溝があふれるようになった。直してほしい。",
        "現地を確認のうえ、町の道路工事が原因の場合は、対処します。",
    )
    assert v.label == "conditional"


def test_city_sending_the_asker_to_a_contractor_is_deflected(lexicon):
    v = judge(
        lexicon,
        "浄化槽から下水道に切り替える工事代はいくらかかるか。",
        "お宅ごとに工事内容が違いますので、指定工事店へご相談ください。",
    )
    assert v.label == "deflected"


def test_city_a_task_run_by_the_residents_association_is_passed_on(lexicon):
    v = judge(
        lexicon,
        "ごみ置き場が道路にはみ出している。早く何とかしてください。",
        "ごみ集積所につきましては、設置及び管理を各自治会が行っております。",
    )
    assert v.label == "deflected"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        # a step already taken, even with 「改めて」: not an answer promised for later
        ("ご不快な思いをおかけし、お詫び申し上げます。改めて職員へ周知を図りました。", "answered"),
        ("ご指摘の件につきましては、改めて職員へ周知いたします。", "deferred"),
    ],
)
def test_informing_staff_again_is_done_or_promised(lexicon, answer: str, label: str):
    v = judge(lexicon, "窓口の職員の態度が悪かった。接遇の基本を職員に周知してほしい。", answer)
    assert v.label == label


def test_diet_still_gathering_the_facts_is_deferred(lexicon):
    v = judge(
        lexicon,
        "政府は本年三月における同制度の利用状況を把握しているか。",
        "お尋ねについては、現在、同制度の利用状況の把握に努めているところである。",
    )
    assert v.label == "deferred"


def test_a_summarys_noun_ended_decision_answers_a_request(lexicon):
    v = judge(
        lexicon,
        "市民プールを存続すべきでは",
        "今年度末で廃止の方針を決定。財政健全化の中で、施設の選択は避けられない。",
    )
    assert v.label == "answered"


def test_a_noun_then_ka_in_a_statement_asks_nothing(lexicon):
    parts = asks(
        "運休で、新宿駅か、品川駅を使うほかありません。代わりの便を出してもらえないでしょうか。", lexicon
    )
    assert [p.text for p in parts] == ["代わりの便を出してもらえないでしょうか"]


def test_a_point_conceded_as_unsettled_then_answered_is_answered(lexicon):
    v = judge(
        lexicon,
        "移管後はどの位市が関与するのか。",
        "移管後の市の関与については、何年といったところまではまだ決まっていないが、運営が安定するまで、長くとも現在の利用者が卒業するまでとなる見込みです。",
    )
    assert v.label == "answered"


def test_a_step_taken_then_an_invitation_to_use_it_meets_a_request(lexicon):
    # 「…ておりますので、ご利用下さい」: the act is stated, not the object of another verb
    v = judge(
        lexicon,
        "待合室から会計窓口までが遠いので、途中にベンチを置いてください。",
        "待合室と会計窓口の間の通路に、新たにベンチを置いておりますので、ご利用下さい。",
    )
    assert v.label == "answered"


def test_conduct_asked_of_others_is_met_by_instructing_them(lexicon):
    v = judge(
        lexicon,
        "部活帰りの学生が自転車を横並びで走らせていて危険です。もう少し周りを考えて行動していただきたいです。",
        "ご連絡ありがとうございました。今回のご連絡を受けて、改めて学生へ交通ルールの順守について注意喚起を行いました。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "高齢者世帯の実態調査を行ってはどうか。",
            "見守り訪問で世帯の状況を把握していることから、現時点で新たな調査の実施は考えていない。",
        ),
        # a change asked for is refused by its being plain already
        (
            "条例の「事業者」の定義に、個人事業主も含むことを明示すべきである。",
            "条例の「事業者」に個人事業主が含まれていることは明らかである。",
        ),
    ],
)
def test_a_plain_register_no_answers_a_request(lexicon, question: str, answer: str):
    assert judge(lexicon, question, answer).label == "answered"


def test_diet_not_knowing_as_the_reason_for_the_answer_is_no_refusal(lexicon):
    v = judge(
        lexicon,
        "政府は、これまで外国政府との間で、同現象についての情報交換を行ってきたのか明らかにされたい。",
        "一についてで述べたとおり、政府としては、御指摘の現象の存在を確認していないため、特段の情報収集、"
        "外国との情報交換等を行っておらず、対応についても特段の検討を行っていない。",
    )
    assert v.label == "answered"


def test_diet_no_known_case_answers_whether_it_ever_happened(lexicon):
    v = judge(
        lexicon,
        "海上保安庁が同海域で外国漁船を拿捕したことがあるのか明らかにされたい。",
        "海上保安庁では、必要に応じて立入検査を行うこととしているが、御指摘の海域で外国漁船を拿捕した事例については承知していない。",
    )
    assert v.label == "answered"


def test_diet_a_closing_ask_for_the_cabinets_view_repeats_the_question(lexicon):
    parts = asks("国として今後どのように対策を講じていくのか、野田内閣の見解如何。", lexicon)
    assert len(parts) == 1


def test_diet_withheld_while_the_report_is_compiled_is_deferred(lexicon):
    # a refusal because of the compiling still going on: the follow-up asks for the report
    v = judge(
        lexicon,
        "昨年行った実態調査の報告は作成されているか。その内容を明らかにされたい。",
        "お尋ねの報告については、本年六月に公表することを目標に、現在取りまとめの作業を進めているところであり、"
        "現時点でその内容をお示しすることは困難である。",
    )
    assert v.label == "deferred"


def test_city_asked_to_publish_and_told_where_to_read_it_is_answered(lexicon):
    v = judge(
        lexicon,
        "プールの水質について、検査の結果を公表してほしいと思います。",
        "プールの水質は毎月検査しており、すべての項目で基準値以下です。詳しい検査結果はホームページでご覧いただけます。",
    )
    assert v.label == "answered"


def test_pref_the_work_asked_for_committed_to_its_completion_answers(lexicon):
    # 「…に向けて努めていきます」 is no empty effort when what it works toward is the work asked for
    v = judge(
        lexicon,
        "バイパスの工事を早く進めてほしい。",
        "地元の皆様の御協力をいただきながら、早期開通に向けて努めていきます。",
    )
    assert v.label == "answered"


def test_city_a_standing_decision_to_accept_answers_a_request(lexicon):
    v = judge(
        lexicon,
        "敬老会の日程が平日では働いている家族が付き添えません。来年以降は土日の開催になることを願います。",
        "ご意見ありがとうございます。日程につきましては、参加者アンケートを参考に、混雑を避けられる平日の午前としておりますので御理解のほどよろしくお願いいたします。",
    )
    assert v.label == "answered"


def test_pref_a_reply_classed_as_very_hard_to_realise_is_a_no(lexicon):
    v = judge(
        lexicon,
        "県立公園の駐車場を無料にしてほしい。",
        "駐車場の維持管理には利用料金を充てています。\n・反映区分:D 実現が極めて困難なもの",
    )
    assert v.label == "answered"


def test_diet_asked_whether_it_was_known_beforehand_is_a_yes_no(lexicon):
    # a cost named in the premise does not make 「…事前に把握していたのか示されたい」 ask for a figure
    v = judge(
        lexicon,
        "施設の運営費は国が全て負担すべきと考えるが、同法人が寄附を募ることについて、政府は事前に把握していたのか示されたい。",
        "同法人における寄附金の募集は従来から行われているものと承知しているが、御指摘の募集について、事前に把握しているものではない。",
    )
    assert v.label == "answered"


def test_diet_a_breakdown_counted_in_remains_gives_the_figures(lexicon):
    v = judge(
        lexicon,
        "納骨された遺骨百二十柱の収集地域別内訳数を明らかにされたい。",
        "御指摘の百二十柱の遺骨の収集地域別の内訳は、硫黄島地域七十柱及びフィリピン共和国五十柱である。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (
            "同計画の予算を十億円しか認めなかったのはなぜか、具体的な理由を示されたい。",
            "同計画については、会議において他の事業を優先すべきとの評価を受けたこと等を踏まえ、十億円を計上したところである。",
        ),
        (
            "談話室にテレビがないのはなぜですか?",
            "当院では静かな落ち着いた環境づくりを目指しており、共用スペースへのテレビの設置を控えております。",
        ),
    ],
)
def test_a_reason_in_the_registers_own_words_answers_why(lexicon, question: str, answer: str):
    v = judge(lexicon, question, answer)
    assert v.label == "answered"
    assert len(v.parts) == 1  # 「具体的な理由を示されたい」 only repeats the why


@pytest.mark.parametrize(
    "answer",
    [
        "夜間の巡回につきましては、警察署に巡回の強化をお願いしてまいりたいと思います。",
        # the residents' association asked to make the request first
        "公園の照明の件につきましては、現在、地元自治会に要望書の提出を依頼しております。",
    ],
)
def test_city_asking_the_police_or_the_association_to_act_passes_it_on(lexicon, answer: str):
    v = judge(lexicon, "公園に夜になると若者が集まる。見回りをして、照明も増やしてほしい。", answer)
    assert v.label == "deflected"


def test_an_aside_in_brackets_after_a_request_asks_nothing(lexicon):
    parts = asks(
        "正門の看板が汚れています。きれいにしていただきたいと思います。(シールはがしを使うなど)", lexicon
    )
    assert [p.text for p in parts] == ["きれいにしていただきたいと思います"]


def test_a_step_taken_then_asked_to_be_accepted_answers_a_request(lexicon):
    v = judge(
        lexicon,
        "予約時間から二時間も待たされた。もう少し患者のことを考えていただきたい。",
        "長時間お待たせして申し訳ありませんでした。担当医に対し予約時間を調整するよう指示しましたのでご理解をいただきたいと思います。",
    )
    assert v.label == "answered"


def test_a_standing_rule_then_a_plea_after_a_comma_answers_a_request(lexicon):
    # 「…ので、」 before 「ご理解…」 does not cut the outcome off from the plea to accept it
    ban = judge(
        lexicon,
        "病院に喫煙所を設けて欲しい。",
        "患者の皆様の健康を守るため、敷地内全面禁煙としておりますので、ご理解とご協力をお願いいたします。",
    )
    assert ban.label == "answered"
    law = judge(
        lexicon,
        "同居家族の収入要件を見直してほしい。",
        "公営住宅法の規定により、収入を合算しないことはできないこととなっておりますので、ご理解ください。",
    )
    assert law.label == "answered"
    sent = judge(
        lexicon,
        "空き家の雑草を何とかしてください。",
        "先日、所有者の方に文書を送付したところですので、ご理解いただきたいと存じます。",
    )
    assert sent.label == "answered"
    # a plea with nothing decided before it still says nothing
    bare = judge(
        lexicon, "喫煙所を設けて欲しい。", "ご不便をおかけしますが、ご理解とご協力をお願いいたします。"
    )
    assert bare.label == "evasive"


def test_the_heading_of_a_later_answer_is_no_deferral(lexicon):
    # a meeting record gives the answer sent afterwards under a heading 「後日回答：」
    question = "燃やすごみの指定袋にはどういうものを入れるのか。"
    given = judge(
        lexicon,
        question,
        "後日回答：生ごみ、プラ容器、資源物などを分別した後に残ったものが燃やすごみになります。",
    )
    assert given.label == "answered"
    assert (
        judge(lexicon, question, "（後日回答）紙おむつ、汚れたビニールなどを入れていただきます。").label
        == "answered"
    )
    # the promise of a later answer still defers
    assert judge(lexicon, question, "詳細は後日回答いたします。").label == "deferred"
    assert judge(lexicon, question, "担当課で確認のうえ、（後日回答）").label == "deferred"


def test_a_date_that_cannot_be_promised_for_now_is_not_given(lexicon):
    v = judge(
        lexicon,
        "鉄橋の橋脚をいつ嵩上げするのか。",
        "改修計画とにらみ合せの上、対策を樹立する必要があるが、その時期を確約することは目下のところ困難であります。",
    )
    assert v.label in ("declined", "deferred")
    assert v.trigger is not None and "確約することは目下のところ困難" in v.trigger


def test_a_problem_recognised_then_acted_on_is_no_deferral(lexicon):
    question = "予約が一か月先まで埋まっている。相談窓口を増やしてほしい。"
    acted = judge(
        lexicon,
        question,
        "予約が埋まる状況は対応すべき課題として認識しており、10月には週末の相談窓口を二つ増設しました。",
    )
    assert acted.label == "answered"
    assert all(c.role != "defers" for c in acted.clauses)  # not a postponement outweighed
    only = judge(lexicon, question, "予約が埋まる状況は対応すべき課題として認識しております。")
    assert only.label == "deferred"


def test_the_rest_left_by_the_reply_itself_makes_it_partial(lexicon):
    # the reply answers some points and says so: 「記載のないものについては」「それ以外の点」
    guide = judge(
        lexicon,
        "トイレへの手すりの設置と、音声案内装置の設置を求める意見。",
        "ガイドラインにおいて手すりを設置することを示していますが、ガイドラインに記載のないものについては今後の参考とさせていただきます。",
    )
    assert guide.label == "partial"
    rest = judge(
        lexicon,
        "駐車場の拡張と、案内板の設置をお願いします。",
        "案内板は来月設置します。それ以外の点につきましては、今後検討してまいります。",
    )
    assert rest.label == "partial"
    assert rest.trigger is not None and rest.trigger.startswith("それ以外の点")
    # with nothing before it, 「それ以外」 leaves the whole question deferred
    alone = judge(
        lexicon, "駐車場を拡張してください。", "それ以外の点につきましては、今後検討してまいります。"
    )
    assert alone.label == "deferred"
    # 「その他の施設」 is no rest of the question
    other = judge(
        lexicon,
        "駐車場の利用時間を延ばしてほしい。",
        "駐車場の利用時間は4月から1時間延長します。その他の施設については、現行どおりとします。",
    )
    assert other.label == "answered"


def test_a_road_word_ending_in_do_is_no_other_body(lexicon):
    # 「地下道が設置されている」: 道 alone is 北海道, not the end of 地下道, 県道 or 歩道
    v = judge(
        lexicon,
        "県道の交差点の歩行者用信号機を、もう一方の県道が青の時も青にして、横断できるようにしてください。",
        "要望のあった交差点については、横断者用地下道が設置されていることもあって、現在の運用となっている。"
        "しかし、要望の通り、歩行者用信号も青が表示されるよう運用変更を行っていくこととする。",
    )
    assert v.label == "answered"
    assert all(c.role != "passes_on" for c in v.clauses)
    hokkaido = judge(
        lexicon, "この道路の除雪をしてほしい。", "当該道路は北海道が管理する道路であり、北海道に伝えます。"
    )
    assert hokkaido.label == "deflected"


def test_words_that_only_look_like_work_in_progress(lexicon):
    # 「交渉を中心に説明」 is no 交渉中
    booklet = judge(
        lexicon,
        "冊子は政府の公式の広報誌であると承知するが、確認を求める。",
        "当該冊子は、外務省が発行してきたものであり、外交交渉を中心に説明するとともに、関連する資料を掲載しているものである。",
    )
    assert all(c.role != "defers" for c in booklet.clauses)
    # a study that leads to a firm act in the same sentence is the act
    drill = judge(
        lexicon,
        "窓口の準備はどのようにするのか。",
        "ワーキンググループにて住民サービスのあり方を検討し、開庁前に実地訓練を行う。",
    )
    assert drill.label == "answered"
    still = judge(lexicon, "窓口を増やしてほしい。", "窓口のあり方を検討し、適切に対応してまいります。")
    assert still.label == "deferred"
    # a problem taken as the workplace's own, and acted on
    warned = judge(
        lexicon,
        "勤務中の職員の雑談が目に余る。雑談をしないよう、職員を厳しく指導してほしい。",
        "今回の件については、職場内全体の課題として捉え、全職員に改めて服務規律について注意を喚起したところです。",
    )
    assert warned.label == "answered"
    # recognised as a problem, then decided (a long-term target): no postponement
    decided = judge(
        lexicon,
        "多機能トイレへの改善は短期で実施すべき。",
        "多機能トイレへの改善を全駅に関する課題として認識しており、改修内容等の検討を全駅対象に行う必要があるため、長期目標とさせていただいております。",
    )
    assert all(c.role != "defers" for c in decided.clauses)


def test_a_published_source_cited_is_no_relay(lexicon):
    v = judge(
        lexicon,
        "輸出の激減について、国はどのように分析しているのか。",
        "りんごの輸出量は、財務省の「貿易統計」によると、本年一月は約九十パーセント減少した。これは春節が早かったことなどによるものと考えている。",
    )
    assert v.label == "answered"
    assert all(c.role != "passes_on" for c in v.clauses)


def test_a_minutes_none_is_a_plain_no(lexicon):
    v = judge(lexicon, "現在工事費の増減はあるか。", "工事費の増減はなし。")
    assert v.label == "answered"


def test_parking_asked_of_staff_is_met_by_instructing_them(lexicon):
    v = judge(
        lexicon,
        "職員の送迎の車が路上駐車している。路上駐車を避けるよう改善してほしい。",
        "この度の御提言を受け、職員に改めて注意喚起を行いました。引き続き、法令を遵守するよう指導を徹底していきます。",
    )
    assert v.label == "answered"


def test_the_comma_house_style_is_read_as_the_usual_one(lexicon):
    # the act stated before 「が，」 is a clause of its own, as before 「が、」
    question = "看板の汚れを何とかしてほしい。"
    usual = "ご指摘を受け清掃をしましたが、今後は定期的に清掃するよう関係者に申し伝えました。"
    house = usual.replace("、", "，").replace("。", "．")
    a, b = judge(lexicon, question, usual), judge(lexicon, question, house)
    assert a.label == b.label == "answered"
    assert [p.treatment for p in a.parts] == [p.treatment for p in b.parts]


def test_a_trigger_is_quoted_as_the_reply_wrote_it(lexicon):
    v = judge(lexicon, "事故の件数は何件か．", "調査中のため，回答は差し控えます．")
    assert v.label == "deferred"
    assert v.trigger is not None and "，" in v.trigger


def test_a_space_left_by_a_wrap_inside_a_word_is_read_past(lexicon):
    # 「制 限」: a PDF or OCR copy breaks the word the rule reads; the clause and the trigger
    # are still shown as the reply wrote them, at their place in it
    question = "芝生の利用時間をのばしてほしい。"
    whole = "保全管理のため、一定の範囲で制限を設けさせていただいておりますのでご了承ください。"
    wrapped = whole.replace("制限", "制 限").replace("ので", " ので")
    a, b = judge(lexicon, question, whole), judge(lexicon, question, wrapped)
    assert a.label == b.label == "answered"
    assert [c.role for c in a.clauses] == [c.role for c in b.clauses]
    assert all(wrapped[c.start :].startswith(c.text) for c in b.clauses)
    assert any("制 限" in c.text for c in b.clauses)
    refused = judge(lexicon, "事故の件数は何件か。", "調査 中のため、回答は差し控え ます。")
    assert refused.label == "deferred"
    assert refused.trigger is not None and "差し控え ます" in refused.trigger


def test_city_a_proposal_agreed_to_as_it_stands_is_answered(lexicon):
    v = judge(
        lexicon,
        "計画の本文に、施設更新による燃料費の削減を特筆すべきではないでしょうか。",
        "ご意見のとおり、施設更新により燃料費が削減されたことは経費が減少した要因でありますので、その旨を本文中に表現します。",
    )
    assert v.label == "answered"


def test_a_refusal_conceded_then_only_a_presumed_answer_is_declined(lexicon):
    v = judge(
        lexicon,
        "事業者の被災者への対応は、誠実さが十分だと思っておられますか。",
        "評価すべき立場ではないが、当然、すべての被害者に速やかに賠償するという方針に則って行われていると思う。",
    )
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        # a bulleted account announced as heard from another body
        "一部事務組合からは以下の内容を聞いている。\n- 入札は総合評価方式で行う\n- 予定価格は事前に公表している",
        # a quoted account announced as that body's reply, the quote left open in a cut copy
        "管理者である県の土木事務所に確認しました。同事務所からは次のとおり回答がございました。\n"
        "「除草は年2回実施しており、堆積土は流れを阻害するものではないと考えております。",
    ],
)
def test_the_account_announced_by_a_relay_is_the_other_bodys(lexicon, answer: str):
    v = judge(lexicon, "川の除草と土砂の撤去について、市の考えを教えてください。", answer)
    assert v.label == "deflected"
    assert all(
        c.role in ("passes_on", "beside") for c in v.clauses if "年2回" in c.text or "総合評価" in c.text
    )


def test_the_respondents_own_words_after_a_relayed_quote_are_its_own(lexicon):
    answer = (
        "県の土木事務所からは次のとおり回答がございました。「除草は年2回実施しております。」\n"
        "市としましては、来年度から市道側の除草を年3回に増やすことといたしました。"
    )
    v = judge(lexicon, "川沿いの除草を増やしてほしい。", answer)
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "未加入世帯への防災訓練の周知は、各町内会で対応をお願いします。",
        "歩道の除雪は、それぞれの道路管理者が行っています。",
    ],
)
def test_the_matter_left_to_neighbourhood_associations_or_road_managers_is_deflected(lexicon, answer: str):
    v = judge(lexicon, "未加入世帯が多い地区の防災対策について、市としての対応は。", answer)
    assert v.label == "deflected"


# --- summary style, from assembly newsletters and minutes ----------------------------------
@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "窓口の待ち時間を短くする取組が必要。",
            "来年度は窓口を増設、呼び出し機能を新たに導入。",
            "answered",
        ),
        ("診療できる医療機関を増やすべき。", "協力医療機関を指定、約300カ所を確保。", "answered"),
        ("要配慮者への支援をどう強化するのか伺う。", "当事者団体から意見を伺い、対応を検討。", "deferred"),
    ],
)
def test_a_statement_ending_on_its_verbal_noun_is_read_with_its_verb(lexicon, question, answer, label):
    v = judge(lexicon, question, answer)
    assert v.label == label
    # what is quoted is what the reply wrote, not the verb read into it
    assert all(c.text in answer for c in v.clauses)
    assert all("する」" not in r for r in v.reasons)


def test_a_plain_refusal_to_answer_in_the_assembly_register(lexicon):
    v = judge(lexicon, "不合格とした理由は何か。", "個人情報に関することであり、答えることはできない。")
    assert v.label == "declined"


def test_the_case_refused_and_only_the_general_rule_given_is_declined(lexicon):
    v = judge(
        lexicon,
        "定員に満たないのに不合格となった理由は何か伺う。",
        "特定の個人の合否の理由については、答えることはできないが、入学者選抜については、"
        "能力・適性等を判定して行うものとされている。",
    )
    assert v.label == "declined"


def test_a_heading_that_names_the_point_gives_nothing(lexicon):
    v = judge(lexicon, "不合格とした理由は何か。", "不合格の理由について。")
    assert v.label != "answered"


def test_whether_it_happened_asked_of_what_the_government_knows_is_one_question(lexicon):
    assert split_subquestions("同社が調査を行ったことがあるかどうか、政府は把握しているか。") == [
        "同社が調査を行ったことがあるかどうか、政府は把握しているか"
    ]
    v = judge(
        lexicon,
        "同社が調査を行ったことがあるかどうか、政府は把握しているか。",
        "同社においては、平成二十年八月に調査結果を公表しているものと承知している。",
    )
    assert v.label == "answered"


def test_the_stage_at_which_is_an_answer_to_when(lexicon):
    v = judge(lexicon, "事業主への指導は、いつの時点で行っているのか。", "事前相談の段階で伝えている。")
    assert v.label == "answered"


def test_a_plain_no_softened_by_a_plea_answers_a_yes_no_question(lexicon):
    v = judge(
        lexicon,
        "児童館の遊び場のために用地を取得できないものでしょうか。",
        "現在の施設で対応できるものと考えておりますことから、取得する予定はございませんのでご理解願います。",
    )
    assert v.label == "answered"


def test_a_study_told_as_what_was_done_then_is_no_postponement(lexicon):
    v = judge(
        lexicon,
        "当初はなぜ活断層を見つけられなかったのか。",
        "当時の評価は、公的機関の調査結果も参考に検討しており、活断層は示されておりませんでした。",
    )
    assert v.label != "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "関係者と打合せを行い、早期に結論が出るようにしていきたいと考えております。",
        "現在は関係機関とご相談をさせていただいております。",
    ],
)
def test_a_suggestion_met_by_talks_or_a_conclusion_to_come_is_deferred(lexicon, answer: str):
    v = judge(lexicon, "旧庁舎跡地を駐車場として開放すれば良いと思う。", answer)
    assert v.label == "deferred"


def test_an_announced_account_is_quoted_by_the_sentence_that_announced_it(lexicon):
    answer = "県の土木事務所に確認しました。同事務所からは次のとおり回答がございました。\n「除草は年2回実施しております。」"
    v = judge(lexicon, "川の除草について市の考えを教えてください。", answer)
    assert v.label == "deflected"
    assert v.trigger == "同事務所からは次のとおり回答がございました"


def test_the_named_bodys_own_account_after_its_remit_is_deflected(lexicon):
    """What the body named as 実施主体 does is not the respondent's own substance."""
    v = judge(
        lexicon,
        "公園の遊具を直してください。",
        "街区公園の遊具の管理につきましては、町内会が実施主体となっています。"
        "各町内会でそれぞれ点検計画を定め、これに基づき修繕を行っております。"
        "詳しくは各町内会にお問い合わせください。",
    )
    assert v.label == "deflected"


def test_a_burden_of_time_as_the_ground_of_a_refusal_is_declined(lexicon):
    v = judge(
        lexicon,
        "昨年度に一時保護された児童の数を児童相談所ごとに示されたい。",
        "お尋ねの数については、各児童相談所に調査を行わせる作業に膨大な時間を要することから、"
        "集計していないものであり、お答えすることは困難である。",
    )
    assert v.label == "declined"


def test_time_needed_to_answer_still_defers(lexicon):
    v = judge(lexicon, "事故の原因は何か。", "現在調査中であり、回答までにお時間をいただきます。")
    assert v.label == "deferred"


def test_the_step_asked_for_not_even_under_study_is_a_plain_no(lexicon):
    v = judge(
        lexicon,
        "来庁者が化粧直しできる空間が欠けていると感じます。海外を参考にしてほしいです。",
        "この度はご意見ありがとうございます。各階のトイレをその場所としてご利用いただけますので、"
        "現時点では、専用室の設置については検討していません。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize("text", ["約十二か月である。", "三ヶ月程度である。", "六週間を要した。"])
def test_a_duration_in_kanji_numerals_gives_a_quantity(lexicon, text: str):
    assert lexicon.answer_gives["quantity"].search(text) is not None


def test_the_service_said_to_go_on_answers_will_it_stop(lexicon):
    v = judge(
        lexicon, "支所では、住民票の発行が出来なくなるのですか?", "これまでどおり、住民票の発行を行います。"
    )
    assert v.label == "answered"


def test_how_the_body_sees_it_is_a_view(lexicon):
    v = judge(
        lexicon,
        "本市の転出者数の順位はどうか。市としてどう捉えているか。",
        "近隣の十市の中で本市の順位は五番目。この十市のうち本市を含む七市は転出者が増えているが、"
        "本市の増え方はわずかな幅にとどめることができたと捉えている。",
    )
    assert v.label == "answered"


def test_asking_the_view_of_a_yes_no_question_asks_the_question(lexicon):
    v = judge(
        lexicon,
        "市は、推計を一本の線で示すことで、世論を誘導しようとする意図はないか、市の見解を伺う。",
        "推計を改めたのは、人口の増加が続いているためであり、世論を誘導しようとするものではない。",
    )
    assert v.label == "answered"


# A lone request met by an account of what is done about it, with nothing in place of a
# decision around it, answers (presumed: marked for the organizer to read).
@pytest.mark.parametrize(
    "question, answer",
    [
        (
            "ロビーにベンチを置いてほしいです。",
            "ご意見ありがとうございます。ロビー東側と二階の窓際には長いすを設けてございますので、ご利用ください。",
        ),
        (
            "入口の前で職員がたばこを吸っていました。やめさせてください。",
            "ご不快な思いをおかけし申し訳ございません。該当する職員に聞き取りを行い、"
            "勤務時間中の喫煙をしないよう本人に伝えました。",
        ),
    ],
)
def test_a_request_met_by_an_account_of_what_is_done_is_answered(lexicon, question: str, answer: str):
    v = judge(lexicon, question, answer)
    assert v.label == "answered"
    assert v.uncertain  # (presumed, not recognised: review walks it right after the flagged)


@pytest.mark.parametrize(
    "answer",
    [
        # an intent with no act in it stands where the decision would
        "子どもたちが安心して遊べるよう、公園の環境づくりに取り組んでまいります。",
        # so does a formula beside the account
        "ブランコは小さなお子様にたいへん人気のある遊具です。いただいたご意見は今後の参考にさせていただきます。",
        "遊具の配置は地域の皆様のご要望を伺いながら決めているものであり、安全な公園づくりが大切と考えております。",
    ],
)
def test_a_request_met_by_intent_or_formula_stays_evasive(lexicon, answer: str):
    v = judge(lexicon, "公園にブランコを増やしてほしい。", answer)
    assert v.label == "evasive"


# A lone question of how, met by an account of how it is done, answers (presumed, as above);
# a question of why is not answered by an account of what happened.
@pytest.mark.parametrize(
    "question, answer, label",
    [
        (
            "配布した手引きが各園で使われていることを、市としてどのように確かめるのか。",
            "年二回の巡回訪問の際に職員が保育室で確かめ、必要に応じて助言していく。",
            "answered",
        ),
        (
            "会員の送迎サービスはどのように利用できるのですか。",
            "送迎サービスは会員ならどなたでも利用できますが、運行は平日の午前に限られます。",
            "answered",
        ),
        (
            "会員の送迎サービスはどのように利用できるのですか。",
            "会員の皆様に喜ばれるサービスとなるよう、引き続き取り組んでまいります。",
            "evasive",
        ),
        (
            "なぜ駅の北側を候補地に選んだのですか。",
            "新しい技術を取り入れ、周りにお住まいの方が安心できる施設を建てます。",
            "evasive",
        ),
    ],
)
def test_a_lone_question_of_how_met_by_an_account(lexicon, question: str, answer: str, label: str):
    v = judge(lexicon, question, answer)
    assert v.label == label
    if label == "answered":
        assert v.uncertain


def test_made_non_public_is_a_refusal(lexicon):
    v = judge(
        lexicon,
        "審査委員を選ぶ方法を教えてください。",
        "審査の公正に関わるため、非公開にさせていただきます。",
    )
    assert v.label == "declined" and "非公開" in (v.trigger or "")


# A proposal put as 「どう考えるか」 is a request in other words: 「研究してまいりたい」 beside an
# account of what is done now leaves it deferred (as 「検討してまいります」 does a request).
def test_a_view_asked_of_a_proposal_met_by_study_is_deferred(lexicon):
    v = judge(
        lexicon,
        "講座の記録を市報に載せれば、参加しなかった市民にも届くと思うが、これについてどう考えるか。",
        "講座の記録を広く知らせる視点が足りなかった。協議会の会報では一部を紹介している。"
        "今後、いただいたご意見も踏まえ、知らせ方は研究してまいりたい。",
    )
    assert v.label == "deferred"


def test_a_view_stated_beside_a_study_is_answered(lexicon):
    v = judge(
        lexicon,
        "駅前の再開発について、市の見解を伺う。",
        "駅前の再開発は、市の玄関口を整える重要な事業と考えている。事業手法は引き続き検討してまいりたい。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "現在、新しい教室の開設に向けて、場所の調整等を行っており、できる限り早く再開したいと考えております。",
        "次回の改訂の際には、手引きの表現と国の通知の表現との整合性を図っていく。",
    ],
)
def test_work_in_hand_or_the_next_revision_defers(lexicon, answer: str):
    v = judge(lexicon, "休止した教室はいつ再開するのか。", answer)
    assert v.label == "deferred"


def test_a_change_fixed_for_the_next_revision_is_answered(lexicon):
    v = judge(lexicon, "手引きの誤った表現を直してほしい。", "次回の改訂の際に、ご指摘の表現を修正します。")
    assert v.label == "answered"


# The Diet's passive 「いかなる協議がなされているか」 asks what is being done, like 「どのような
# 協議を行っているか」: work in hand is the answer to it (the guide's 「検討中」 hard negative).
@pytest.mark.parametrize(
    "question",
    ["その後、いかなる協議がなされているか。", "その後、どのような協議が行われているのか。"],
)
def test_what_is_being_done_asked_in_the_passive(lexicon, question: str):
    v = judge(
        lexicon,
        question,
        "先方とは、更なる協力の可能性について検討していくことで一致し、引き続き意思疎通を行っているところである。",
    )
    assert [p.kinds for p in v.parts] == [("doing",)]
    assert v.label == "answered"


def test_a_request_met_by_an_account_cut_off_in_the_copy_is_not_presumed_answered(lexicon):
    v = judge(
        lexicon, "公園にブランコを増やしてほしい。", "公園の遊具は、地域の皆様のご要望を伺いながら配置を決め"
    )
    assert v.label != "answered"


@pytest.mark.parametrize(
    "answer, label",
    [
        ("いただいたご意見を参考にさせていただき、今後の計画づくりを進めます。", "evasive"),
        ("ご提案を参考にさせていただき、修正します。", "answered"),
        ("住民の需要が高まっており、関係団体と検討が必要となります。", "deferred"),
        ("今回の意見募集の趣旨には沿いませんので、ご意見を伺うのみといたしました。", "evasive"),
        ("子育て支援の充実は大切と認識しております。引き続き努力したい。", "evasive"),
    ],
)
def test_city_register_formulas_of_consideration(lexicon, answer: str, label: str):
    v = judge(lexicon, "児童館を増やしてください。", answer)
    assert v.label == label


def test_difficult_is_a_no_to_whether_it_can_be_done(lexicon):
    v = judge(
        lexicon,
        "この道路の幅では消雪装置が設置できないのではないか。",
        "消雪装置については、既存施設の更新を優先しており、新設は難しい状況です。",
    )
    assert v.label == "answered"


def test_whether_a_count_is_high_asks_whether_not_how_many(lexicon):
    question = "管内の交通事故件数は冬場が多いのか。"
    assert [a.kinds for a in asks(question, lexicon)] == [("yes_no",)]
    v = judge(lexicon, question, "事故の発生は冬場が多く、特に路面の凍結する朝夕に多くなっている。")
    assert v.label == "answered"
    # (how many is still asked by 「何件か」 beside 「増えているのか」)
    assert [a.kinds for a in asks("相談件数は何件か。また、増えているのか。", lexicon)] == [
        ("quantity",),
        ("yes_no",),
    ]


def test_how_it_changed_asks_what_changed_not_by_what_means(lexicon):
    assert "how" not in asks("講義の日程はどのように変更されたのか。", lexicon)[0].kinds
    assert "how" in asks("申請はどのように行えばよいか。", lexicon)[0].kinds
    v = judge(
        lexicon,
        "講義の日程はどのように変更されたのか。",
        "学内のポータルに新しい時間割を掲載しました。前期の講義は二週間遅れて始まります。",
    )
    assert v.label == "answered"


def test_the_intent_to_do_the_asked_act_answers_a_request(lexicon):
    v = judge(
        lexicon,
        "売店の手作りパンがおいしいです。これからも継続的に仕入れていただけるとうれしいです。",
        "ご好評をいただき、ありがとうございます。これからも継続的に仕入れていこうと思います。",
    )
    assert v.label == "answered"
    # an intent to do something else, or only to study it, does not
    other = judge(lexicon, "駅前に駐輪場を作ってほしい。", "市民の皆様のご意見を広く聞こうと考えています。")
    assert other.label == "evasive"
    study = judge(
        lexicon, "駅前に駐輪場を作ってほしい。", "駅前への駐輪場の設置について検討しようと考えています。"
    )
    assert study.label == "deferred"


def test_working_with_other_bodies_is_no_courtesy_beside_an_account(lexicon):
    v = judge(
        lexicon,
        "駅前に駐輪場を作ってほしい。",
        "駐輪場は駅の北側に一か所ございます。今後も関係機関と協力しながら対応してまいります。",
    )
    assert v.label == "evasive"


def test_an_account_of_own_acts_with_a_closing_effort_meets_a_request(lexicon):
    v = judge(
        lexicon,
        "公園で夜遅くまで花火をする人がいます。注意してもらえないでしょうか。",
        "現在、夜間の巡回を実施しており、花火をしている者に対して直接の声かけ及び注意をしております。"
        "また、公園の入口に花火禁止の看板を設置しました。今後も警察と連携を図りつつ、迷惑行為の防止に努めております。",
    )
    assert v.label == "answered"
    # one own act only, then the effort: still no decision on the request
    one = judge(
        lexicon,
        "公園で夜遅くまで花火をする人がいます。注意してもらえないでしょうか。",
        "公園の入口に看板がございます。今後も警察と連携を図りつつ、迷惑行為の防止に努めております。",
    )
    assert one.label == "evasive"


def test_the_premise_of_an_estimate_gives_its_reason(lexicon):
    v = judge(
        lexicon,
        "工事車両の騒音の予測値が前回の評価書と異なるのはなぜか。",
        "低騒音型の建設機械を使用することを前提に予測しております。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a question word inside the noun clause does not make the question a choice
        (
            "各違反にどの処分を科すかについての基準は存在するか。存在するとすればその名称及び内容を明らかにされたい。",
            "各違反にいかなる処分を科すかを決定するに当たっての基準は、存在しない。",
        ),
        # the follow-up given says yes to the question it hangs on
        (
            "大使館は当該記事を本省に公電で報告しているか。報告しているならば当該公電の到着日、時、分を明らかにされたい。",
            "御指摘の公電は、令和二年五月十日午後三時十五分に本省において受信した。",
        ),
        (
            "当該委員会は現在も存在するのか。廃止されたとするならば、その経緯及び理由を明らかにされたい。",
            "当該委員会は、専門家会議の提言を受け、協定を終了させたことにより、令和三年三月に廃止された。",
        ),
    ],
)
def test_a_follow_up_that_hangs_on_a_yes_or_no(lexicon, question: str, answer: str):
    assert judge(lexicon, question, answer).label == "answered"


def test_an_act_done_then_the_effort_after_it_is_two_clauses(lexicon):
    v = judge(
        lexicon,
        "申入れは、いつ、誰が誰に対して行ったのか。",
        "御指摘の申入れについては、外務省欧州局から現地関係者に対し、令和元年五月十日及び同月二十日に行い、"
        "その後も状況把握に努めているところである。",
    )
    assert v.label == "answered"


def test_a_compliance_formula_with_any_law_is_evasive(lexicon):
    v = judge(
        lexicon,
        "役員の選出方法と総代選挙の仕組みについて",
        "当組合では法律に基づいて適正に運営を行っています。",
    )
    assert v.label == "evasive"


def test_to_be_posted_after_a_survey_is_deferred(lexicon):
    v = judge(
        lexicon,
        "市が行った地盤改良は大丈夫なのか。",
        "これまでの地盤改良については、今後調査の上、改めて掲載します。",
    )
    assert v.label == "deferred"


def test_a_national_scheme_named_as_such_deflects(lexicon):
    v = judge(
        lexicon,
        "児童手当の所得制限をなくすよう要望する。",
        "児童手当は、国の制度として実施されています。いただいたご意見は、計画の対象外の意見として承ります。",
    )
    assert v.label == "deflected"


def test_cannot_judge_is_a_refusal(lexicon):
    v = judge(
        lexicon,
        "新しい検査方法は従来の方法より安全だと町は考えるか。",
        "今後、国から安全性に関する知見が示されると認識しているので、従来の方法より安全かどうかについては、町では判断できないものと捉えている。",
    )
    assert v.label in ("declined", "deferred")
    assert v.label != "answered"
    # 「一概に判断できない」 is a hedge, not a refusal
    hedge = judge(
        lexicon,
        "事故の件数は何件か。",
        "一概に判断できないが、令和五年度は十二件である。",
    )
    assert hedge.label == "answered"


def test_no_forejudging_while_a_review_goes_on_is_deferred(lexicon):
    v = judge(
        lexicon,
        "処分場の増設について、知事自身の態度を表明してください。",
        "処分場につきましては現在、国において審査が継続中であります。"
        "その状況で予断をもって申し上げる状況にはございません。",
    )
    assert v.label == "deferred"


def test_no_such_estimate_made_withholds_the_breakdown(lexicon):
    v = judge(
        lexicon,
        "利用者数は、今後十年間、どのように推移すると予測しているのか。路線別に答えよ。",
        "令和二年度の試算では、利用者数全体は年平均二パーセント程度減少し、令和十二年度にはおおむね八百万人程度になるものと予測している。"
        "ただし、路線別に御質問のような試算をしたものはない。",
    )
    assert v.label == "partial"
    whole = judge(
        lexicon,
        "収支は今後どのように推移すると予測しているのか。",
        "収支について、御質問のような試算をしたものはない。",
    )
    assert whole.label == "declined"


def test_a_correction_promised_concedes_the_point_or_grants_the_request(lexicon):
    charge = judge(lexicon, "比較表において、評価と本文が合っていないのではないか。", "精査して修正する。")
    assert charge.label == "answered"
    asked = judge(lexicon, "水門と堰は区別して記載してほしい。", "修正する。")
    assert asked.label == "answered"


def test_an_example_illustrates_the_point_asked(lexicon):
    v = judge(
        lexicon,
        "現状と課題の書き分けが曖昧である。例えば、草地が何を指し、よいことなのか悪いことなのか、はっきりしない。表現を整理して頂きたい。",
        "ご指摘を踏まえ、表現を整理します。",
    )
    assert v.label == "answered"


def test_left_to_another_body_named_as_such_deflects(lexicon):
    v = judge(
        lexicon,
        "病院の敷地内にある郵便局の前に専用の駐車場を設けてほしい。",
        "専用駐車場の設置につきましては、当該郵便局の対応に委ねられるものと存じます。",
    )
    assert v.label == "deflected"


def test_what_others_do_not_know_is_no_gap_of_the_respondent(lexicon):
    v = judge(
        lexicon,
        "電子教科書の活用について、課題は何か。",
        "課題は、保護者や児童・生徒が、活用方法などの詳細を把握していないことが考えられるため、"
        "さらなる情報提供の必要があると認識している。",
    )
    assert v.label == "answered"
    own = judge(
        lexicon, "電子教科書の利用者数は何人か。", "利用者数については把握していないため、お答えできません。"
    )
    assert own.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "要望の趣旨は本部に上がっており、現在、本部で精査している段階です。",
        "地区の負担に配慮し、現状と課題について検討する機会を設けたい。",
        "一つのアイディアであり、関係する団体と広く検討を促したい。",
        "実施の可否については、今後、時期を見て判断させていただきます。",
        "検討の余地があると考えております。",
        "今後、調査研究に努めます。",
    ],
)
def test_a_study_still_to_come_is_deferred(lexicon, answer: str):
    v = judge(lexicon, "通学路に信号機を設置してほしい。", answer)
    assert v.label == "deferred"
    assert "検討" in v.reasons[-1] or "判断" in v.reasons[-1]


def test_a_study_at_a_stage_already_passed_is_not_deferred(lexicon):
    v = judge(
        lexicon,
        "通学路に信号機を設置してほしい。",
        "警察本部で精査した段階で設置が決定しました。来月設置されます。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "現時点において、規模の大小の判断は困難と考えております。",
        "個々の事例について、原因の特定は困難である。",
    ],
)
def test_cannot_judge_or_identify_is_declined(lexicon, answer: str):
    assert judge(lexicon, "被害の大きい地点はどこか。", answer).label == "declined"


def test_cannot_judge_in_general_then_the_answer_is_answered(lexicon):
    v = judge(
        lexicon,
        "被害の大きい地点はどこか。",
        "一概に判断は困難であるが、被害が最も大きいのは北側の三地点である。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "お尋ねの点について明らかにすることは、相手国との今後の関係に支障を来すおそれがあることから、差し控えたい。",
        "お尋ねの「失敗」については、様々な議論があるところ、政府として、その原因を含め、断定することは適当でないと考える。",
        "個々の事例についてお答えすることは控えたい。",
        "市として見解を申し上げる立場にはございません。",
        "政府として見解を述べる立場にない。",
    ],
)
def test_refusals_in_their_longer_and_politer_forms(lexicon, answer: str):
    assert judge(lexicon, "当該会談には通訳のみが同席したのか。", answer).label == "declined"


def test_not_yet_at_the_stage_of_saying_even_when_quoted_is_deferred(lexicon):
    v = judge(
        lexicon,
        "計画の改定において、この方針を変更する考えはあるのか。",
        "今、これがこのような書きぶりになるということを申し上げるような段階ではございません。",
    )
    assert v.label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "当該道路は県が管理する道路のため、市では対応できません。",
        "国の制度ですので、市独自での対応は困難です。",
        "信号機の設置は公安委員会の所管であり、市では設置できません。",
    ],
)
def test_unable_only_because_another_body_is_responsible_deflects(lexicon, answer: str):
    assert judge(lexicon, "市道の歩道に手すりを設置してください。", answer).label == "deflected"


def test_unable_for_a_reason_of_its_own_is_a_no(lexicon):
    v = judge(
        lexicon, "市道の歩道に手すりを設置してください。", "歩道の幅員が狭いため、市では設置できません。"
    )
    assert v.label == "answered"


def test_passed_on_to_the_body_that_runs_the_project(lexicon):
    v = judge(
        lexicon,
        "駅前の工事を夜間に行わないでほしい。",
        "ご要望は、事業主体である国土交通省に伝えてまいります。",
    )
    assert v.label == "deflected"


def test_a_yes_no_question_said_back_as_a_statement_is_a_yes(lexicon):
    v = judge(lexicon, "報告書には秘密指定がなされているか。", "同文書には秘密指定がなされている。")
    assert v.label == "answered"
    refused = judge(
        lexicon,
        "報告書には秘密指定がなされているか。",
        "同文書に秘密指定がなされているかどうかについては、お答えを差し控えたい。",
    )
    assert refused.label == "declined"


def test_a_follow_up_on_a_past_act_falls_away_when_it_was_not_done(lexicon):
    v = judge(lexicon, "調査を行ったのか。行ったのであれば、その結果を公表されたい。", "調査は行っていない。")
    assert v.label == "answered"
    given = judge(
        lexicon,
        "調査を行ったのか。行ったのであれば、その結果を公表されたい。",
        "調査は行ったが、結果の公表は差し控えたい。",
    )
    assert given.label == "partial"


def test_asked_whether_a_record_exists_none_is_a_plain_no(lexicon):
    assert judge(lexicon, "同文書は存在するか。", "同文書は存在しない。").label == "answered"
    figure = judge(lexicon, "当該会議の出席者数を示されたい。", "当該会議の記録は存在しない。")
    assert figure.label == "declined"


def test_a_yes_then_the_follow_up_withheld_is_partial(lexicon):
    v = judge(
        lexicon,
        "同文書は存在するか。存在するならば、その内容を明らかにされたい。",
        "同文書は存在するが、その内容を明らかにすることは差し控えたい。",
    )
    assert v.label == "partial"
    assert v.parts[0].treatment == "gives"


def test_a_table_attached_gives_the_figure(lexicon):
    assert (
        judge(lexicon, "同事業の予算額を明らかにされたい。", "お尋ねの予算額は、別表のとおりである。").label
        == "answered"
    )


def test_withholding_every_point_asked_outweighs_the_background(lexicon):
    v = judge(
        lexicon,
        "新たに設立する基金の運営者及び設立の時期を示されたい。",
        "令和五年四月一日の合意に基づく措置については、両国政府が協力して事業を行うものである。"
        "お尋ねの点を含め、その具体的な内容は、今後両国の当局間で調整していく。",
    )
    assert v.label == "deferred"
    refused = judge(
        lexicon,
        "新たに設立する基金の運営者及び設立の時期を示されたい。",
        "令和五年四月一日の合意に基づく措置については、両国政府が協力して事業を行うものである。"
        "お尋ねの点については、相手国との関係もあり、お答えすることは差し控えたい。",
    )
    assert refused.label == "declined"


def test_what_the_government_holds_is_not_what_it_is_doing(lexicon):
    v = judge(
        lexicon,
        "基金の運営に対し、我が国はいかなる発言権を有しているのか。",
        "その具体的な内容は、今後両国の当局間で調整していく。",
    )
    assert v.label == "deferred"
    doing = judge(
        lexicon, "基金の運営について、政府はどのような対応をしているのか。", "現在、当局間で調整中である。"
    )
    assert doing.label == "answered"


def test_any_step_taken_meets_a_request_for_some_measure(lexicon):
    v = judge(
        lexicon,
        "通学の生徒が自転車で速度を出して曲がってくるので危険です。何か対策をしてください。",
        "当該校で事実を特定することはできませんでしたが、直ちに教員による登校指導を行い、"
        "各担任から文書で注意喚起を行いました。",
    )
    assert v.label == "answered"
    looked = judge(lexicon, "何か対策をしてください。", "現地を確認しました。")
    assert looked.label != "answered"


def test_asking_the_state_among_its_own_acts_is_no_deflection(lexicon):
    v = judge(
        lexicon,
        "部活動の地域移行について、今後の取り組みをお尋ねします。",
        "人材バンクの設置や県独自の補助金による支援のほか、保護者負担の軽減等を国に要望しています。"
        "また、兼職兼業の基準モデルを市町に示しており、18市町で81人が指導に当たっています。",
    )
    assert v.label == "answered"
    only = judge(
        lexicon, "部活動の地域移行について、今後の取り組みをお尋ねします。", "国に要望してまいります。"
    )
    assert only.label == "deflected"


def test_not_yet_able_to_tell_when_is_deferred(lexicon):
    v = judge(lexicon, "運転再開はいつ頃になるのか。", "現時点では再開の時期を話せる状況にありません。")
    assert v.label == "deferred"


def test_cannot_tell_in_the_plain_register_of_an_oral_answer(lexicon):
    v = judge(lexicon, "啓発して効果はあったか。", "効果は、災害が起こってみないと分からない。")
    assert v.label == "declined"


def test_a_refusal_then_only_the_basic_principle_is_declined(lexicon):
    v = judge(
        lexicon,
        "平成二十六年以前は、この責任の所在が明確でなかったのではないか。",
        "お尋ねについては、政府部内の検討過程における詳細について個々にお答えすることは差し控えたいが、"
        "番組は、事業者の自主自律によって編集することが基本である。",
    )
    assert v.label == "declined"


def test_company_register_passing_on_and_not_answering(lexicon):
    tenant = judge(
        lexicon,
        "駅構内の店舗の営業時間を延長してください。",
        "駅構内の店舗は各テナントが運営しておりますので、テナントへ申し伝えます。",
    )
    assert tenant.label == "deflected"
    rule = judge(lexicon, "なぜ採用を見送ったのか。", "社内規程により、理由についてはお答えしておりません。")
    assert rule.label == "declined"


# --- copies hard-wrapped by a PDF, a fax or OCR -------------------------------------------


@pytest.mark.parametrize(
    ("question", "wrapped", "label", "phrase"),
    [
        (
            "本件の調査結果を公表されたい。",
            "本件の調査結果の公表につきましては、関係者の個人情報が含まれることから、お答えすることは差し控\nえたい。",
            "declined",
            "差し控え",
        ),
        (
            "駐輪場を増設してほしい。",
            "駅周辺の駐輪場については、利用状況を踏まえ、今後検討し\nてまいります。",
            "deferred",
            "検討してまいり",
        ),
        (
            "事故の件数と、その原因を明らかにされたい。",
            "事故の件数は、昨年度五件であった。原因については、現在、把握して\nいない。",
            "partial",
            "把握していない",
        ),
    ],
    ids=["refusal", "postponement", "mixed"],
)
def test_a_line_wrapped_inside_a_sentence_reads_as_one_sentence(lexicon, question, wrapped, label, phrase):
    v = judge(lexicon, question, wrapped)
    plain = judge(lexicon, question, wrapped.replace("\n", ""))
    assert v.label == plain.label == label
    # the trigger is the reply as written (so a letter can find and quote it); the reasons
    # quote it without the wrap
    assert v.trigger is not None and v.trigger.replace("\n", "") == plain.trigger
    assert v.trigger in wrapped
    assert any(phrase in r for r in v.reasons) and not any("\n" in r for r in v.reasons)


def test_a_line_that_ends_as_a_sentence_without_its_stop_is_not_joined(lexicon):
    # 「…要望しています」 ends its sentence though the 。 is missing: the next line is a new one
    v = judge(
        lexicon,
        "市の見解を伺いたい。",
        "市としては、国に要望しています\n今後も引き続き国の動向を注視してまいります。",
    )
    assert v.trigger == "市としては、国に要望しています"
    # ... but a line that goes on with 「が、」 after it was cut there
    v = judge(lexicon, "市の見解を伺いたい。", "市としては、国に要望しています\nが、回答はまだありません。")
    assert [c.text.replace("\n", "") for c in v.clauses] == [
        "市としては、国に要望していますが、",
        "回答はまだありません。",
    ]


def test_a_numbered_line_after_a_line_without_a_stop_starts_a_new_point(lexicon):
    v = judge(
        lexicon,
        "次の点を伺いたい。",
        "本件については、以下のとおりです\n(1)件数は五件です。\n(2)原因は調査中です。",
    )
    assert v.label == "deferred" and v.trigger == "(2)原因は調査中です"


@pytest.mark.parametrize(
    "label",
    ["回答：", "（回答）\n", "【回答】", "A．", "答弁\n"],
    ids=["colon", "brackets", "lenticular", "A", "line"],
)
def test_the_label_a_page_puts_before_the_reply_is_not_read(lexicon, label):
    question = "本件の資料を公開されたい。"
    plain = judge(lexicon, question, "「公開できない。」")  # an oral reply written down as a quotation
    v = judge(lexicon, question, label + "「公開できない。」")
    assert v.label == plain.label == "declined" and v.trigger == plain.trigger == "公開できない"
    # 「回答いたします」 is the reply's own words, not a label
    assert judge(lexicon, question, "回答いたします。公開できない。").trigger == "公開できない"


def test_a_reply_typed_without_its_last_stop_reads_as_ended(lexicon):
    question = "事故の原因は何か。また、件数は何件か。"
    ended = judge(lexicon, question, "原因はいずれも前方不注意である。件数は三件あった。")
    v = judge(lexicon, question, "原因はいずれも前方不注意である。件数は三件あった")
    assert v.label == ended.label == "answered" and v.confidence == ended.confidence >= UNCERTAIN_BELOW
    assert not any("途中で切れて" in r for r in v.reasons)
    # a copy that stops inside a word is still cut off
    cut_copy = judge(lexicon, question, "原因はいずれも前方不注意である。件数は三件あ")
    assert cut_copy.confidence < UNCERTAIN_BELOW and any("途中で切れて" in r for r in cut_copy.reasons)


def test_a_question_typed_as_lines_without_stops_asks_each_line(lexicon):
    # a web form: each line ends as a question does, with no 。
    assert split_subquestions("駅前の駐輪場を増やしてください\n工事はいつ始まるのですか") == [
        "駅前の駐輪場を増やしてください",
        "工事はいつ始まるのですか",
    ]
    # ... but a line the copy wrapped is one sentence with the next
    assert split_subquestions("駅前の駐輪場の整備について、今後の\n方針を伺いたい。") == [
        "駅前の駐輪場の整備について、今後の方針を伺いたい"
    ]


def test_the_house_style_and_ascii_stops_read_as_their_japanese_marks(lexicon):
    assert split_subquestions("相談件数は何件か．また，その理由を示されたい．") == [
        "相談件数は何件か",
        "その理由を示されたい",
    ]
    question = "相談件数と、その内訳を示されたい。"
    stops = judge(lexicon, question, "相談件数は30件です。内訳は集計していません。")
    ascii_stops = judge(lexicon, question, "相談件数は30件です.内訳は集計していません.")
    assert ascii_stops.label == stops.label == "partial"
    assert ascii_stops.trigger == "内訳は集計していません"
    assert judge(lexicon, "単価はいくらか。", "単価は3.5円です.").label == "answered"  # a decimal point stays
    assert judge(lexicon, "単価はいくらか。", "単価は３．５円です．").trigger is None
    # a number's 「１．」 is no full stop
    assert split_subquestions("次の点を伺いたい．１．相談件数は何件か．") == [
        "次の点を伺いたい",
        "１．相談件数は何件か",
    ]


@pytest.mark.parametrize("honorific", ["ご", "御"])
def test_a_pointer_to_another_body_in_either_honorific(lexicon, honorific):
    v = judge(
        lexicon,
        "宅内の配管を修理してほしい。",
        f"宅内の配管は個人の所有物ですので、指定工事店へ{honorific}相談ください。",
    )
    assert v.label == "deflected" and v.trigger.endswith(f"指定工事店へ{honorific}相談ください")


@pytest.mark.parametrize(
    ("question", "kana", "kanji", "label"),
    [
        (
            "本件の資料を公開されたい。",
            "公開は差し控えさせていただきます。",
            "公開は差し控えさせて頂きます。",
            "declined",
        ),
        (
            "本件の資料を公開されたい。",
            "お答えすることはできません。",
            "お答えすることは出来ません。",
            "declined",
        ),
        (
            "図書館を増設してほしい。",
            "増設については、現在検討しているところです。",
            "増設については、現在検討している所です。",
            "deferred",
        ),
        (
            "図書館を増設してほしい。",
            "増設については、今後検討することとしております。",
            "増設については、今後検討する事としております。",
            "deferred",
        ),
    ],
    ids=["頂", "出来", "所", "事"],
)
def test_the_kanji_spelling_of_a_phrase_reads_as_its_kana(lexicon, question, kana, kanji, label):
    plain, v = judge(lexicon, question, kana), judge(lexicon, question, kanji)
    assert v.label == plain.label == label
    assert v.trigger is not None and v.trigger in kanji  # quoted as the reply wrote it
    # a kanji word is no spelling of a kana one: 「出来事」「工事」
    assert judge(lexicon, "その出来事は何件あったか。", "その出来事は三件あった。").label == "answered"
    assert judge(lexicon, "工事はいつ終わるのか。", "工事は三月に終わる予定です。").label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "ベンチの増設については、今後も検討を継続します。",
        "ベンチの増設については、地域の皆様と協議させていただきます。",
        "ベンチの増設については、利用状況を精査する必要があると考えている。",
        "ベンチの増設については、地元と協議する所存です。",
        "ベンチの増設については、利用状況の分析を行うこととしております。",
    ],
)
def test_every_name_of_a_study_takes_every_ending_of_a_deferral(lexicon, answer: str):
    # 協議・精査・分析 put the matter off in the same endings as 検討 (継続します, させていただき
    # ます, 必要がある, 所存です, こととしております)
    assert judge(lexicon, "公園にベンチを増やしてほしい。", answer).label == "deferred"


def test_adjusting_a_thing_is_an_act_not_a_deferral(lexicon):
    # 「調整したい」 of a loudspeaker is the act asked for, not a talk to be held
    v = judge(
        lexicon,
        "防災無線の放送が聞き取りにくいです。",
        "ご意見のあった地区の近くにあるスピーカーの音量を、現地調査後に調整したいと考えています。",
    )
    assert v.label != "deferred"


def test_diet_review_under_a_clause_of_the_act_is_deferred(lexicon):
    # 「検討を加えることとしている」「検討を加えるものとされており」: a review still to come
    question = "政府は同法を改正する考えはあるか。"
    for answer in (
        "同法の在り方については、施行状況等を勘案しつつ、必要に応じて検討を加えることとしている。",
        "同法附則第二条において、施行後五年を目途として検討を加えるものとされており、これに基づき適切に対応してまいりたい。",
    ):
        assert judge(lexicon, question, answer).label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "頂いたご提案は、今後の施策の検討にあたり活用させていただきます。",
        "いただいたご意見は、今後の取組に役立ててまいります。",
        "貴重なご意見として、担当課内で共有させていただきます。",
        "弊社といたしましては、引き続き、お客さまの声を大切にしてまいります。",
    ],
)
def test_putting_the_opinion_to_use_later_is_evasive(lexicon, answer: str):
    for question in ("駅前の騒音を改善してほしい。", "夜間の工事を中止する考えはあるか。"):
        assert judge(lexicon, question, answer).label == "evasive"


def test_a_company_business_judgement_or_a_prefecture_task_is_another_bodys(lexicon):
    question = "駅前に信号機を設置してほしい。"
    for answer in (
        "ご意見の件は、〇〇鉄道株式会社の経営判断に属する事項です。",
        "信号機の設置に関しては、都道府県の事務とされているところです。",
    ):
        assert judge(lexicon, question, answer).label == "deflected"


def test_no_comment_is_declined(lexicon):
    assert judge(lexicon, "事故の原因は何か。", "この件に関してはコメントできません。").label == "declined"


def test_a_figure_and_its_basis_joined_by_and_are_two_asks(lexicon):
    # 「予算額及びその積算根拠」 with no comma still asks for both; the figure alone is partial
    question = "事業の予算額及びその積算根拠を示されたい。"
    assert split_subquestions(question) == ["事業の予算額", "その積算根拠を示されたい"]
    assert judge(lexicon, question, "令和六年度予算額は約十二億円である。").label == "partial"
    # ... but a topic 「Aの作成及びその運用について、」 and an object 「A及びその疑いのあるB」 are one
    assert len(split_subquestions("規則の作成及びその運用について、どのように関与するのか。")) == 1
    assert len(split_subquestions("汚染された食材及びその疑いのある食材の使用を停止すること。")) == 1


def test_a_question_word_asks_across_also(lexicon):
    # 「どうやってAを防ぎ、また、Bを増やしていくか」: the first part stops mid-verb, so the
    # question word asks of both; it is one how-question, not a yes/no on the last part
    assert split_subquestions("どうやって税の流出を防ぎ、また、流入を増やしていくか。") == [
        "どうやって税の流出を防ぎ、また、流入を増やしていくか"
    ]
    assert split_subquestions("なぜ事業を中止し、また、説明会を延期したのか。") == [
        "なぜ事業を中止し、また、説明会を延期したのか"
    ]
    # two questions of their own are still two
    assert split_subquestions("件数は何件か。また、その理由を示されたい。") == [
        "件数は何件か",
        "その理由を示されたい",
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "ご要望には沿いかねます。",
        "ご要望には沿いかねますが、ご理解賜りますようお願い申し上げます。",
        "ご希望にはお応えできかねますので、ご了承ください。",
    ],
)
def test_a_request_turned_down_is_answered_whatever_plea_closes_it(lexicon, answer: str):
    # 「沿いかねます」 decides the request (a clear no); the plea for understanding after it is
    # a closing formula, as the guide's hard negatives say
    assert judge(lexicon, "料金の値上げを撤回してください。", answer).label == "answered"


def test_a_count_in_kanji_numerals_gives_the_number(lexicon):
    # the plain register writes 「五十一台」 as the digits write 「51台」
    for answer in (
        "外務省が保有している自動車は、五十一台である。",
        "外務省が保有している自動車は、51台である。",
    ):
        assert judge(lexicon, "外務省において公用車は何台保有されているか。", answer).label == "answered"


def test_whether_a_number_grows_is_a_yes_no_and_not_seen_is_a_no(lexicon):
    # 「件数は多くなるのか」 asks whether, not how many; 「傾向は見られない」 is a plain no
    v = judge(lexicon, "夏休みの期間に補導件数は多くなるのか。", "特にそのような傾向は見られない。")
    assert v.label == "answered"


def test_the_number_of_a_cited_reply_or_law_is_no_figure(lexicon):
    # 「先の答弁書(平成十九年十二月十八日…第三〇九号)四についてでお答えしたとおり」 points back;
    # the date and number in the citation do not give the amount asked
    v = judge(
        lexicon,
        "公邸料理人の給与は一人当たりいくらか、明らかにされたい。",
        "お尋ねについては、先の答弁書(平成十九年十二月十八日内閣衆質一六八第三〇九号)四についてでお答えしたとおりである。",
    )
    assert v.label == "evasive"
    # ... while a figure given beside a law's number still is one
    v = judge(
        lexicon,
        "同法に基づく指定件数は何件か。",
        "河川法(昭和三十九年法律第百六十七号)に基づく指定件数は、十二件である。",
    )
    assert v.label == "answered"


def test_what_coordination_is_done_asks_what_is_being_done(lexicon):
    kinds = [s.kinds for s in analyse("他省とどのような調整が行われているか。", lexicon)]
    assert kinds == [frozenset({"doing"})]


@pytest.mark.parametrize("answer", ["御指摘の事例は存在する。", "そのような事例は存在しない。"])
def test_diet_a_case_said_to_exist_or_not_is_a_yes_or_no(lexicon, answer: str):
    v = judge(lexicon, "過去に、秘密指定が解除されていない文書を外部の者に提示した事例はあるか。", answer)
    assert v.label == "answered"


def test_city_a_hyphen_bulleted_line_is_a_clause_of_its_own(lexicon):
    # 「- 公共施設：…円」 and 「- 市民分：把握していない」 are two clauses, not one wrapped line
    v = judge(
        lexicon,
        "市内の太陽光発電による昨年度の売電額はいくらか。",
        "昨年度の売電額は、\n- 公共施設：約142万円\n- 市民・事業者：把握していない",
    )
    assert v.label == "partial"
    assert [c.text for c in v.clauses][-2:] == ["- 公共施設：約142万円", "- 市民・事業者：把握していない"]


@pytest.mark.parametrize(
    "answer",
    [
        "当該交差点は、交通量からみて信号機を設置する必要性は乏しいと認められます。",
        "当該交差点は、交通量や事故の状況からみて、信号機による交通整理の必要性は低いと考えております。",
        "現状の交通量では、信号機を設置する必要はないと判断しております。",
    ],
)
def test_city_a_need_denied_turns_the_request_down(lexicon, answer: str):
    # 「…必要性は乏しいと認められる」 is the no to 「信号機をつけてください」, with its reason:
    # recognised as the decision, not presumed from a statement
    v = judge(lexicon, "通学路の交差点で事故が続いています。信号機をつけてください。", answer)
    assert v.label == "answered"
    assert not v.uncertain


def test_company_a_step_scheduled_in_a_noun_ended_line_meets_the_request(lexicon):
    # a bulletin's 「…順次設置」 is the step asked, scheduled, though it ends on a noun
    v = judge(
        lexicon, "駅の授乳室にベビーベッドを置いてほしい。", "令和6年度に各駅の授乳室へベビーベッドを順次設置"
    )
    assert v.label == "answered"


def test_city_a_request_quoted_inside_a_complaint_is_not_the_askers(lexicon):
    # the clerk's 「…確認してください。」 is what was said to the asker, not what the asker asks
    question = (
        "窓口で書類を尋ねたところ、職員は「様式はホームページにあるので、そちらを確認してください。」と"
        "言うだけでした。不親切な対応ではないでしょうか。改善していただきますようお願いします。"
    )
    assert split_subquestions(question) == [
        "不親切な対応ではないでしょうか",
        "改善していただきますようお願いします",
    ]


def test_diet_a_follow_up_asked_only_if_there_is_none_falls_away_when_there_is(lexicon):
    # 「…基準はあるのか。ない場合、…設けるべきではないか」→ the standard named: nothing more is owed
    v = judge(
        lexicon,
        "公務と私的行為を分ける明確な基準はあるのか。ない場合、政府として基準を設けるべきではないのか。",
        "公務と私的行為の区別の基準については、平成十八年の政府統一見解のとおりである。",
    )
    assert v.label == "answered"


def test_diet_the_asked_phrase_said_back_with_a_no_answers_the_yes_no(lexicon):
    # 「…無駄な支出になっていることはないか」→「…無駄な支出は生じていないものと認識している」:
    # the view is a plain no, and 「それぞれ」 in a yes/no question asks no breakdown
    v = judge(
        lexicon,
        "各地方事務所の役割がそれぞれ重複し、行政上無駄な支出になっていることはないか。",
        "政府として、行政上無駄な支出は生じていないものと認識している。",
    )
    assert v.label == "answered"


def test_diet_a_view_that_only_holds_it_possible_is_no_yes(lexicon):
    # 「回避できるものと考えている」 says no yes or no to 「回避できるのか」
    v = judge(
        lexicon,
        "大規模災害時にも交通の途絶は回避できるのか。",
        "交通の途絶は、関係機関の連携により回避できるものと考えている。",
    )
    assert v.label != "answered"


def test_diet_each_in_a_yes_no_question_asks_whether(lexicon):
    kinds = [a.kinds for a in asks("それぞれの役割が重複していることはないか。", lexicon)]
    assert kinds == [("yes_no",)]


def test_diet_no_sentence_ends_inside_brackets_it_closes(lexicon):
    # 「…ビデオカメラ(以下「ビデオカメラ」という。)が返却されていないことについて…」: the 。 before
    # a closing bracket ends nothing, so no part starts with 「)」 or 「」」
    question = (
        "政府は、所持品(以下「所持品」という。)が返却されていないことについて「返還を要請している。」"
        "と答弁しているが、所持品の返却について相手国からどのような回答が来ているか明らかにされたい。"
    )
    texts = split_subquestions(question)
    assert len(texts) == 1
    assert texts[0].startswith("政府は、所持品")


@pytest.mark.parametrize(
    "answer",
    [
        "具体的な内容については、今後詰めていく予定です。",
        "あり方について、現在、審議会でご議論いただいているところです。",
        "現在、整備計画の見直し作業中です。",
        "次年度以降の検討の俎上に載せたいと考えております。",
        "結論が得られた段階でお知らせいたします。",
        "限られた財源の中で、優先順位を見極めながら判断させていただきます。",
        "設置の是非については、今年度中に結論を出す予定です。",
        "利用者数については、年度末に取りまとめて公表する予定です。",
    ],
)
def test_city_the_decision_still_to_come_is_deferred(lexicon, answer):
    v = judge(lexicon, "駅前の交差点に歩道橋を設置してほしい。利用者数も示してほしい。", answer)
    assert v.label in ("deferred", "partial")
    assert any(p.treatment == "defers" for p in v.parts)


def test_city_a_date_for_the_decision_answers_when_it_was_asked(lexicon):
    # the hard negative: 「〇月に公表する予定」 when the question asked when
    assert judge(lexicon, "結論はいつ出すのか。", "今年度中に結論を出す予定です。").label == "answered"
    assert (
        judge(lexicon, "結果はいつ公表するのか。", "年度末に取りまとめて公表する予定です。").label
        == "answered"
    )


def test_city_work_in_progress_answers_what_is_being_done(lexicon):
    # 「検討中」 describing what the body is doing, asked what it is doing, is the answer
    assert (
        judge(lexicon, "現在、市は何をしているのか。", "現在、計画の見直し作業中です。").label == "answered"
    )


@pytest.mark.parametrize(
    "answer",
    [
        "政府としてお答えすべき事柄ではない。",
        "契約上の守秘義務があるため、お伝えできかねます。",
        "個別の事業者に関することはお伝えしておりません。",
    ],
)
def test_refusals_in_other_words_are_declined(lexicon, answer):
    assert judge(lexicon, "その件数と契約先を明らかにされたい。", answer).label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "地域の隅々までお伝えすることが難しいこともございますが、スピーカーを44基増設しました。",
        "快適な車内環境を提供することができず、申し訳ございません。条例により停車中は空調を止めております。",
    ],
)
def test_city_cannot_tell_or_provide_something_else_is_no_refusal(lexicon, answer):
    # 「お伝えすることが難しい」 of a loudspeaker, 「提供することができず」 of comfort: no answer withheld
    v = judge(lexicon, "防災放送が聞こえにくい。改善してほしい。", answer)
    assert v.label != "declined"


def test_yes_no_on_a_noun_before_the_intent_needs_a_yes_or_no(lexicon):
    # 「歩道橋の設置予定はあるか」 asks about 設置 though no verb follows it
    (ask,) = asks("歩道橋の設置予定はあるか。", lexicon)
    assert ask.stem == "設置"
    assert judge(lexicon, "歩道橋の設置予定はあるか。", "お気持ちは十分理解できます。").label == "evasive"
    assert (
        judge(lexicon, "歩道橋の設置予定はあるか。", "現時点で設置の予定はありません。").label == "answered"
    )


@pytest.mark.parametrize(
    "answer",
    [
        "河川の管理は国土交通省が行っております。",
        "本件は、JRの管理する施設のため、JRにお問い合わせください。",
    ],
)
def test_city_another_bodys_work_named_in_other_words_is_deflected(lexicon, answer):
    assert judge(lexicon, "駅前の歩道を補修してほしい。", answer).label == "deflected"


def test_city_the_matter_run_by_the_city_itself_is_not_deflected(lexicon):
    v = judge(lexicon, "駅前の歩道を補修してほしい。", "歩道の管理は本市が行っており、来月補修いたします。")
    assert v.label == "answered"


def test_city_one_part_answered_another_sent_to_other_bodies_is_partial(lexicon):
    v = judge(
        lexicon,
        "令和5年度の苦情件数と、その理由を示してください。",
        "件数は12件です。理由については、関係機関にお問い合わせください。",
    )
    assert v.label == "partial"


def test_diet_each_governor_judging_is_deflected(lexicon):
    v = judge(
        lexicon,
        "同法の運用は適切と考えるか。",
        "同法の運用については、各都道府県知事において適切に判断されるものと考えている。",
    )
    assert v.label == "deflected"


def test_diet_not_known_hence_difficult_answers_whether_it_is_known(lexicon):
    # the question anticipates the gap: 「把握しているか。把握しているならば…」 is answered by
    # 「把握していないため、お答えすることは困難」 (the none leads into the refusal)
    v = judge(
        lexicon,
        "政府はその件数を把握しているか。把握しているならば件数を示されたい。",
        "お尋ねの件数については、政府として網羅的に把握していないため、お答えすることは困難である。",
    )
    assert v.label == "answered"


def test_company_shared_inside_the_body_is_evasive(lexicon):
    # 「社内で共有させていただきます」 tells the asker nothing of what was asked
    v = judge(
        lexicon,
        "御社の製品の製造国はどこですか。",
        "ご指摘の件につきましては、社内で共有させていただきます。",
    )
    assert v.label == "evasive"


def test_things_that_cannot_be_answered_as_a_noun_are_no_refusal(lexicon):
    # 「本人が答えられない事項の説明は、同席者がしてもかまわない」 permits; it withholds nothing
    v = judge(
        lexicon,
        "面談の際に家族の同席を認めてほしい。",
        "本人の考えを直接伺いたいが、本人が答えられない事項についての説明は、同席者がしてもかまわない。",
    )
    assert v.label != "declined"
    v = judge(lexicon, "面談の記録を開示してほしい。", "面談の記録についてはお答えできません。")
    assert v.label == "declined"


def test_city_a_step_decided_and_timed_is_no_deferral(lexicon):
    # 「準備が整い次第、…手すりを設置することとしました」: decided; only the timing waits
    v = judge(
        lexicon,
        "校舎の階段が滑りやすく危険です。改善をお願いします。",
        "準備が整い次第、階段に滑り止めを施し、手すりを設置することとしました。",
    )
    assert v.label == "answered"
    v = judge(
        lexicon,
        "校舎の階段が滑りやすく危険です。改善をお願いします。",
        "調査結果がまとまり次第、対応をお知らせします。",
    )
    assert v.label == "deferred"


def test_city_taken_up_as_a_matter_to_study_is_deferred(lexicon):
    v = judge(
        lexicon,
        "通学路に横断歩道を設置してほしい。",
        "ご要望は、今後検討していく課題として取り上げております。",
    )
    assert v.label == "deferred"


def test_each_school_deciding_one_part_makes_it_partial(lexicon):
    # the private schools' part is left to each school's policy; the public part is answered
    v = judge(
        lexicon,
        "公立中学校で35人学級を実現すること。私立中学校にも財政支援を行うこと。",
        "公立中学校は来年度中に35人学級を実現する。私立中学校については各校の教育方針において判断する。",
    )
    assert v.label == "partial"


def test_company_a_yes_that_waits_on_a_finding_is_conditional(lexicon):
    v = judge(
        lexicon,
        "風評被害をすべて賠償の対象とすること。",
        "事案ごとに事故との相当な因果関係が認められれば賠償いたします。",
    )
    assert v.label == "conditional"


def test_ministry_the_top_priority_is_no_yes_or_no(lexicon):
    v = judge(
        lexicon,
        "機体の安全性は本当に確保されているのか。",
        "配備は重要と認識している。安全性確保は最優先課題。",
    )
    assert v.label == "evasive"


def test_city_shown_once_another_step_is_settled_is_deferred(lexicon):
    # 「設計が確定すれば、…境界線を示すことができる」: the part asked to be shown waits
    v = judge(
        lexicon,
        "1年で1区画ずつ整備するのか。また、区画の境界線を具体的に示していただきたい。",
        "1年で1区画整備するということではない。設計が確定すれば、より明確な境界線を示すことができる。",
    )
    assert v.label == "partial"
    assert any(p.treatment == "defers" for p in v.parts)


@pytest.mark.parametrize(
    "answer",
    ["早期の整備に向けて、関係機関と調整を図ってまいります。", "関係者と意見交換を行ってまいります。"],
)
def test_city_arranging_still_to_come_is_deferred(lexicon, answer):
    assert judge(lexicon, "公園にトイレを設置してほしい。", answer).label == "deferred"


def test_city_two_acts_in_one_request_are_each_asked(lexicon):
    # 「街灯を増やし、防犯カメラも設置してください」: one given, one put off → partial
    question = "通学路の街灯を増やし、防犯カメラも設置してください。"
    assert split_subquestions(question) == ["通学路の街灯を増やし", "防犯カメラも設置してください"]
    v = judge(
        lexicon,
        question,
        "街灯については来年度に2基増設いたします。防犯カメラについては今後検討してまいります。",
    )
    assert v.label == "partial"


def test_city_making_into_is_one_act_with_its_purpose(lexicon):
    # 「…建物にし、…確保してほしい」「…を可とし、」: にする / とする lead into one request
    assert len(split_subquestions("役場を耐震性の建物にし、町民の安全を確保してほしい。")) == 1


def test_two_acts_named_as_nouns_are_each_asked(lexicon):
    # 「国保税の引き下げと子どもの均等割の廃止を要望します」 asks for two things; 「県と市の連携」 is one
    assert split_subquestions("国保税の引き下げと子どもの均等割の廃止を要望します。") == [
        "国保税の引き下げを要望します",
        "子どもの均等割の廃止を要望します",
    ]
    assert len(split_subquestions("県と市の連携の強化を求めます。")) == 1
    v = judge(
        lexicon,
        "通学路の街灯の増設と防犯カメラの設置を求めます。",
        "街灯については来年度に2基増設いたします。防犯カメラについては今後検討してまいります。",
    )
    assert v.label == "partial"


@pytest.mark.parametrize(
    "answer",
    [
        "責任を持って、上級官庁へ伝える。",
        "上席に伝えます。",
        "皆さんのご意見は上に上げておきます。",
        "本庁に伝えたい。",
    ],
)
def test_ministry_relayed_up_the_chain_is_deflected(lexicon, answer):
    # a local office in a negotiation: the demand goes up, nothing of its own is said
    assert judge(lexicon, "職員の賃金を引き上げること。", answer).label == "deflected"


def test_what_is_above_in_other_words_is_no_relay(lexicon):
    # 「以上に上げる」「上司に報告した上で、担当者が対応します」: no passing-on
    assert judge(lexicon, "売上目標を上げたか。", "売上目標は前年以上に上げております。").label == "answered"
    assert (
        judge(lexicon, "苦情は誰が受けるのか。", "苦情は上司に報告した上で、担当者が対応します。").label
        == "answered"
    )


@pytest.mark.parametrize(
    "answer",
    [
        "法改正が必要な事項であり、国会でご審議いただくべきものと考える。",
        "予算は国会の議決によって決まるものである。",
        "立法政策の問題であり、国会において判断されるべきものと考えている。",
    ],
)
def test_diet_left_to_the_diet_is_deflected(lexicon, answer):
    assert judge(lexicon, "年金の支給額を引き上げるべきではないか。", answer).label == "deflected"


def test_diet_how_a_law_was_passed_is_answered(lexicon):
    v = judge(
        lexicon, "本法律はどのような手続で成立したか。", "本法律は、国会の議決を経て成立したものである。"
    )
    assert v.label == "answered"


def test_taken_back_to_check_is_deferred(lexicon):
    assert judge(lexicon, "職員の賃金を引き上げること。", "持ち帰って確認したい。").label == "deferred"
    assert (
        judge(lexicon, "持ち帰り用の容器はあるか。", "持ち帰り用の容器を用意しております。").label
        == "answered"
    )


@pytest.mark.parametrize("answer", ["見通しを示すことは困難である。", "具体的な時期を述べることはできない。"])
def test_ministry_showing_or_stating_refused_in_plain_form_is_declined(lexicon, answer):
    assert judge(lexicon, "完成の見通しと時期を示されたい。", answer).label == "declined"


def test_exactness_hedged_before_the_figure_is_answered(lexicon):
    # like 「一概には言えないが、」: the hedge leads into the figure asked for
    question = "相談件数を示されたい。"
    assert (
        judge(lexicon, question, "正確な件数を申し上げることは困難であるが、約三百件である。").label
        == "answered"
    )
    assert (
        judge(lexicon, question, "正確な件数を申し上げることは困難であるが、適切に対応している。").label
        == "evasive"
    )


@pytest.mark.parametrize(
    "answer",
    ["お客さまの声として承り、今後のサービス向上に役立ててまいります。", "株主総会で説明したとおりです。"],
)
def test_company_a_voice_received_or_a_meeting_pointed_to_is_evasive(lexicon, answer):
    v = judge(lexicon, "原発の再稼働について、地元同意の範囲をどう考えるか。", answer)
    assert v.label == "evasive"
    assert v.confidence >= 0.5  # a recognised formula, not only a presumption that it dodges


@pytest.mark.parametrize(
    "answer",
    [
        "担当者は「検討させていただきます」と答えました。",
        "課長からは、「今後検討していきたい」と回答がありました。",
        "「趣旨は理解する」「予算の状況を見ながら検討したい」と説明しました。",
        "省側は「趣旨は理解している」と回答し、「財源の確保も含めて検討していきたい」とも述べた。",
    ],
)
def test_report_of_a_meeting_judges_the_quoted_reply(lexicon, answer):
    # a group's report quotes what the office said: the quotation is the reply
    v = judge(lexicon, "保育士の配置基準を改善すること。", answer)
    assert v.label == "deferred"
    assert v.trigger in answer  # quoted as the report wrote it, brackets and all
    assert all(answer[c.start : c.start + len(c.text)] == c.text for c in v.clauses)


def test_a_quotation_inside_the_bodys_own_words_is_still_not_its_reply(lexicon):
    # 「…」との意見がありましたが、市としては…: the quoted view is someone else's
    v = judge(
        lexicon,
        "保育士の配置基準を改善すること。",
        "委員からは「検討すべき」との意見がありましたが、市としては来年度から基準を改善します。",
    )
    assert v.label == "answered"


def test_diet_a_statement_adopted_as_the_answer_is_judged_on_its_words(lexicon):
    # 「お尋ねについては、…大臣が「…」と述べたとおりである」: the quoted words are the answer
    question = "この合意をどのように受け止めているか、政府の所見を伺いたい。"
    dodging = "お尋ねについては、記者会見において、大臣が「引き続き丁寧な説明に努めてまいりたい。」と述べたとおりである。"
    giving = "お尋ねについては、記者会見において、大臣が「国益にかなう合意であると考えている。」と述べたとおりである。"
    assert judge(lexicon, question, dodging).label == "evasive"
    assert judge(lexicon, question, giving).label == "answered"


def test_an_answer_noted_as_missing_is_unanswered(lexicon):
    assert judge(lexicon, "小規模な事業所は把握しているのか。", "答弁漏れ。").label == "unanswered"


def test_not_of_a_nature_to_publish_is_declined(lexicon):
    v = judge(
        lexicon,
        "旧経営陣の報酬返納額は幾らか。",
        "報酬の返納は自主的なものであり、公表すべき性質のものではないと考えてございます。",
    )
    assert v.label == "declined"


def test_a_request_cut_short_at_its_object_asks_to_act(lexicon):
    # meeting summaries write 「…の設置を。」「それぞれの事業所に案内を。」 for a request
    assert [a.kinds for a in asks("公園にベンチの設置を。", lexicon)] == [("request",)]
    assert [a.kinds for a in asks("それぞれの事業所に案内を。", lexicon)] == [("request",)]
    assert [a.kinds for a in asks("市の見解を。", lexicon)] == [("view",)]
    v = judge(lexicon, "それぞれの事業所に案内を。", "対象の事業所には、事業を始めた旨の周知を郵送している。")
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "具体的な対応については、今後検討を進める中で明らかにしてまいります。",
        "その時点で改めて判断いたします。",
        "現在、制度設計を行っているところでございます。",
    ],
)
def test_shown_later_or_decided_again_is_deferred(lexicon, answer):
    assert judge(lexicon, "公園にトイレを設置してほしい。", answer).label == "deferred"


def test_diet_each_local_body_deciding_by_its_circumstances_is_deflected(lexicon):
    answer = "地方公共団体が地域の実情に応じて判断すべきものと考えている。"
    assert judge(lexicon, "政府として給食費の無償化を行うべきではないか。", answer).label == "deflected"
    assert judge(lexicon, "給食費の無償化は誰が決めるのか。", answer).label == "answered"


def test_company_report_with_the_reply_quoted_as_its_response_is_judged_on_it(lexicon):
    # 「…担当者は「…」と応じました」: 応じる reports the reply as well as 答える
    answer = "鉄道会社の担当者は「ご要望をもとに現地調査し、対応を検討したい」と応じました。"
    assert judge(lexicon, "急行列車を駅に停車させてほしい。", answer).label == "deferred"


def test_two_quotations_in_a_row_are_two_sentences(lexicon):
    answer = "会社は「減速運転はダイヤに影響するので難しい」「住民説明会は検討する」と応じました。"
    v = judge(lexicon, "住民説明会を開催してほしい。", answer)
    assert v.label == "deferred"
    assert [c.text for c in v.clauses] == ["減速運転はダイヤに影響するので難しい」", "住民説明会は検討する」"]


def test_ministry_report_that_the_reply_only_said_something_is_evasive(lexicon):
    answer = "「最低保障年金制度」については、「諸外国の制度とは違う」と述べるだけでした。"
    assert judge(lexicon, "最低保障年金制度を創設すること。", answer).label == "evasive"


def test_only_in_the_replys_own_words_is_no_report_of_a_dodge(lexicon):
    assert (
        judge(
            lexicon,
            "外国人の入居を断ることはあるか。",
            "外国人というだけで入居をお断りすることはありません。",
        ).label
        == "answered"
    )
    assert (
        judge(lexicon, "住民にどう説明したのか。", "計画を説明するだけでなく、質疑の時間も設けました。").label
        == "answered"
    )


def test_pref_whoever_builds_it_decides_is_deflected(lexicon):
    v = judge(
        lexicon,
        "競技場の規模を縮小すべきではないか、都の見解を伺う。",
        "競技場の整備内容につきましては、整備主体であります国及び事業団が決定するものと考えております。",
    )
    assert v.label == "deflected"


def test_told_to_phone_is_read_as_told_to_inquire(lexicon):
    question = "私の加入記録が欠けている理由を調べてほしい。"
    phone = judge(lexicon, question, "個別の記録については、最寄りの年金事務所にお電話ください。")
    inquire = judge(lexicon, question, "個別の記録については、最寄りの年金事務所にお問い合わせください。")
    assert phone.label == inquire.label != "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "現時点において、お示しできるものはない。",
        "現時点ではお答えできる情報がございません。",
        "競争上の理由から、詳細の開示は控えさせていただきます。",
        "社外秘となっております。",
    ],
)
def test_nothing_that_can_be_shown_or_disclosure_withheld_is_declined(lexicon, answer):
    assert judge(lexicon, "料金改定の根拠となった費用の内訳を示されたい。", answer).label == "declined"


def test_what_can_be_shown_is_shown_is_answered(lexicon):
    # the same words with the thing shown: 「お示しできるものは次の三点です」
    v = judge(
        lexicon,
        "検討中の案を示されたい。",
        "現時点でお示しできるものは、料金体系の見直し案と窓口時間の延長案の二点である。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "法務省に確認されたい。",
        "本件については、所管する経済産業省に照会されたい。",
        "その点については、国土交通省にお問い合わせください。",
    ],
)
def test_asker_sent_to_a_ministry_by_name_is_deflected(lexicon, answer):
    assert judge(lexicon, "この制度の対象者数は何人か。", answer).label == "deflected"


def test_asking_the_own_office_is_no_deflection(lexicon):
    # 「当庁にお問い合わせください」 points to the respondent itself, after the answer
    v = judge(
        lexicon,
        "申請の窓口はどこか。",
        "申請は各地の出張所で受け付けています。ご不明な点は当庁にお問い合わせください。",
    )
    assert v.label == "answered"


def test_company_question_put_off_to_the_shareholders_meeting_is_deferred(lexicon):
    v = judge(lexicon, "役員報酬の算定方法を示されたい。", "ご質問の件は、株主総会でご説明申し上げます。")
    assert v.label == "deferred"
    # explained there already is a reference, not a postponement
    assert (
        judge(lexicon, "役員報酬の水準をどう考えるか。", "株主総会で説明したとおりです。").label == "evasive"
    )


def test_press_release_pointed_to_is_evasive(lexicon):
    v = judge(
        lexicon, "事故の原因をどう考えるか。", "当社の見解は、既にプレスリリースでお知らせしたとおりです。"
    )
    assert v.label == "evasive"
    assert v.confidence >= 0.5


def test_time_asked_for_put_off_after_the_present_state_is_partial(lexicon):
    # 「現在は…」 reads as a when, yet the next sentence puts off the very time asked for
    v = judge(
        lexicon,
        "6号機と7号機の工事が進んでいるようだが、いつ頃運転を再開できる状態になるのか。",
        "現在は点検を進めていて、7号機は大分進んでいますが系統試験が残っています。"
        "現時点では再開の時期を話せる状況にありません。",
    )
    assert v.label == "partial"
    assert any("「再開の時期」" in r and "話せる状況にありません" in r for r in v.reasons)
    # a time given and a later step put off is still the time given
    v = judge(
        lexicon,
        "運転再開はいつ頃になるのか。",
        "運転再開は来年3月の予定です。その後の増便の時期はまだ決まっておりません。",
    )
    assert v.label in ("answered", "partial")


def test_company_a_long_study_then_an_endeavour_towards_something_else_is_deferred(lexicon):
    # the step asked for is put to a long study; the rest is a resolve about another matter
    v = judge(
        lexicon,
        "支社長に要望書を手渡し、路線の複線化の早期実現を要望しました。",
        "路線の複線化は、沿線の開発状況やご利用動向などを総合的に判断し、長期的に検討する必要があると考えている。"
        "まずは、関係自治体と協力し、沿線まちづくりとの連携を図りながら、路線のさらなる活性化に向けて取り組んでまいりたい。",
    )
    assert v.label == "deferred"


@pytest.mark.parametrize(
    "answer",
    [
        "地域の安全確保に向けて、引き続き全力を尽くしてまいりたい。",
        "関係自治体と連携し、地域の実情を踏まえながら、適切に取り組んでまいります。",
    ],
)
def test_a_resolve_towards_a_goal_is_evasive(lexicon, answer):
    v = judge(lexicon, "踏切に遮断機を設置すべきではないか。", answer)
    assert v.label == "evasive"
    assert v.confidence >= 0.5


def test_a_resolve_after_the_act_asked_for_is_answered(lexicon):
    # the closing resolve does not undo the step taken (the guide's closing formulas)
    v = judge(
        lexicon,
        "ガイドレールの異音を直してほしい。",
        "ガイドレールの接触面を調整したことにより、異音の発生が収まりました。"
        "今後とも、安全で快適な交通の実現に向けて取り組んでまいります。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "専門家を増やして作業を急げという要求については答えませんでした。",
        "この点には一切回答がありませんでした。",
    ],
)
def test_asker_reporting_no_answer_is_flagged(lexicon, answer):
    v = judge(lexicon, "専門家を増やして作業を急ぐこと。", answer)
    assert v.label == "declined"
    assert any("答えなかった" in r for r in v.reasons)


def test_asker_reporting_a_study_under_way_is_deferred(lexicon):
    v = judge(
        lexicon,
        "年金を毎月支給とすること。",
        "システム改修の費用などの問題があるが、検討しているという少し前向きな回答がありました。",
    )
    assert v.label == "deferred"
    # a report in the news that someone else studies it is no postponement of one's own
    v = judge(
        lexicon,
        "隣国が基地を建設中であることを承知しているか。",
        "隣国が基地の建設について検討しているとの報道は承知しているが、現在建設中であるとは承知していない。",
    )
    assert v.label != "deferred"


@pytest.mark.parametrize(
    "answer",
    ["お尋ねの点については、政府として承知していない。", "そのような事実があったとは承知していない。"],
)
def test_diet_follow_up_on_had_known_falls_away_with_a_no(lexicon, answer):
    # 「把握していたのであれば、その時期を」 hangs on a yes; 「承知していない」 answers both
    v = judge(
        lexicon,
        "政府は当該事案を把握していたか。把握していたのであれば、その時期を明らかにされたい。",
        answer,
    )
    assert v.label == "answered"


def test_diet_necessary_measures_in_general_are_evasive(lexicon):
    v = judge(
        lexicon,
        "被害者への補償を行うべきではないか。",
        "いずれにせよ、政府としては、引き続き、必要な対応を講じてまいりたい。",
    )
    assert v.label == "evasive"
    assert v.confidence >= 0.5
    # the measure named is an answer: 「必要な対策として、…を配備した」
    v = judge(
        lexicon,
        "被害者への補償を行うべきではないか。",
        "被害者への補償については、本年四月に特別給付金を支給することとした。",
    )
    assert v.label == "answered"


def test_what_a_text_did_not_mention_is_an_answer_not_a_reported_refusal(lexicon):
    # 「言及はなかった」「触れなかった」 say what a report or a speech held, to a question of whether it did
    v = judge(
        lexicon,
        "同報告書は、事故の原因に言及しているか。",
        "同報告書には、事故の原因についての言及はなかった。",
    )
    assert v.label == "answered"
    v = judge(lexicon, "総理は演説で消費税に触れたか。", "総理は、演説において消費税には触れなかった。")
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "今後、検討会で議論される予定です。",
        "今後、審議会に諮る予定です。",
        "次回の委員会で審議いただく予定としております。",
        "方針については、年度内に取りまとめる予定です。",
    ],
)
def test_city_a_deliberation_still_to_come_is_deferred(lexicon, answer):
    v = judge(lexicon, "駅前に駐輪場を設置してほしい。", answer)
    assert v.label == "deferred"


def test_date_of_a_study_does_not_say_when_the_thing_happens(lexicon):
    # the date is when the study ends, not when the bicycle park is built
    for answer in ("来年度に検討する予定です。", "令和8年度中に結論を出す予定です。"):
        assert judge(lexicon, "駅前の駐輪場はいつ設置されるのか。", answer).label == "deferred"
    # the date of the very thing asked about answers it, and so does the date of a study asked about
    assert (
        judge(lexicon, "駅前の駐輪場はいつ設置されるのか。", "来年度に設置する予定です。").label == "answered"
    )
    v = judge(lexicon, "報告書の検討はいつ終わるのか。", "来年度中に検討を終える予定です。")
    assert v.label == "answered"


def test_diet_no_position_to_make_the_assessment_is_declined(lexicon):
    v = judge(
        lexicon, "政府は同報告書の結論をどう評価するのか。", "政府としては、御指摘の評価を行う立場にない。"
    )
    assert v.label == "declined"


def test_company_shared_inside_the_company_is_no_answer(lexicon):
    v = judge(
        lexicon, "再発防止策を示されたい。", "ご指摘の件につきましては、社内で共有させていただきました。"
    )
    assert v.label == "evasive"


def test_company_only_a_contractor_of_another_body_is_deflected(lexicon):
    v = judge(
        lexicon,
        "再発防止策を示されたい。",
        "当該工事は国の事業であり、当社は受託者として施工しているに過ぎません。",
    )
    assert v.label == "deflected"
    # the contractor that says what it does is answering
    v = judge(
        lexicon,
        "再発防止策を示されたい。",
        "当社は受託者として、作業前の点検を二重にし、監督員を二名に増やしました。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "検討する必要があります。",
        "中止については、慎重に見極める必要があります。",
        "中止の是非については、様々な観点から慎重に見極める必要があると考えております。",
    ],
)
def test_city_a_need_to_study_or_weigh_it_is_deferred(lexicon, answer):
    assert judge(lexicon, "市はこの事業を中止するのか。", answer).label == "deferred"


def test_a_musing_that_wonders_aloud_asks_nothing(lexicon):
    question = (
        "何件かは利用されていません。そのような事業者さんも、利用しなくてもいい状況なのか、また、"
        "事情があって利用ができないものなのか、さまざまな問題を抱えているケースもあると思います。"
        "相談室の相談件数について伺います。"
    )
    assert [a.text for a in asks(question, lexicon)] == ["相談室の相談件数について伺います"]
    # a doubt voiced, or a wish to hear, still asks
    for question in ("なぜ中止したのか、疑問に思います。", "なぜ中止したのか、お聞きしたいと思います。"):
        assert asks(question, lexicon)[0].text == "なぜ中止したのか"


def test_committee_turn_is_judged_on_the_question_put_not_the_pleas_before_it(lexicon):
    question = (
        "済みません、もう少し大きなお声でお願いします。冷蔵庫の修繕費用も補償の対象とするよう要望いたします。"
        "次に、相談室に寄せられた相談件数について伺います。"
    )
    assert [a.text for a in asks(question, lexicon)] == ["次に、相談室に寄せられた相談件数について伺います"]
    v = judge(lexicon, question, "昨年十月以降、千三百九十八件の相談がございました。")
    assert v.label == "answered"
    # a request after the question put is still asked
    question = "相談件数について伺います。また、相談室の時間を延長していただきたい。"
    assert len(asks(question, lexicon)) == 2


def test_diet_whether_it_ever_happened_is_a_yes_no_question(lexicon):
    question = "ワーキンググループの開催に要した費用を内閣府以外の省庁等で負担した事実はないか。"
    assert asks(question, lexicon)[0].kinds == ("yes_no",)
    assert judge(lexicon, question, "御指摘の事実はない。").label == "answered"


def test_a_count_of_businesses_is_a_quantity(lexicon):
    v = judge(
        lexicon,
        "冷蔵庫棟の運営事業者数はどのぐらいか伺います。",
        "六街区、七街区それぞれ一事業者、合わせて二事業者でございます。",
    )
    assert v.label == "answered"


def test_diet_the_appointing_authority_named_says_who(lexicon):
    v = judge(lexicon, "誰が人選したのか。", "それぞれの法人の役員の任命権者が選考したものである。")
    assert v.label == "answered"


def test_a_need_to_verify_given_as_the_reason_for_a_decision_is_no_postponement(lexicon):
    question = "移転延期に至った経緯を伺います。"
    v = judge(
        lexicon,
        question,
        "安全性について改めて検証する必要があることから、都の判断において移転を延期したものでございます。",
    )
    assert v.label == "answered"
    assert judge(lexicon, question, "安全性について改めて検証する必要があります。").label == "deferred"


def test_a_study_already_done_is_an_account_not_a_postponement(lexicon):
    v = judge(
        lexicon,
        "液状化予測図の利用目的を伺います。",
        "予測図は、都内全域に地震力を均等に与えて検討し、地域ごとの液状化の可能性を示したものであり、"
        "液状化対策の基礎的な情報でございます。",
    )
    assert v.label == "answered"


def test_company_talks_only_if_asked_is_conditional(lexicon):
    v = judge(lexicon, "駅の地下通路をバリアフリー化してほしい。", "市から申し入れがあれば、協議に応じます。")
    assert v.label == "conditional"


def test_company_not_for_now_then_a_study_if_something_changes_is_answered(lexicon):
    v = judge(
        lexicon,
        "特急料金を値下げしてほしい。",
        "すぐに値下げなどは考えていないが、値下げによって乗客が増えるのなら、検討したい。",
    )
    assert v.label == "answered"


def test_company_the_head_office_must_decide_is_deflected(lexicon):
    v = judge(
        lexicon, "改札口を増設してほしい。", "壁を壊しスペースを確保すれば可能だが、本社の判断が必要です。"
    )
    assert v.label == "deflected"


def test_diet_what_is_desirable_is_a_view(lexicon):
    v = judge(
        lexicon,
        "利害関係がある者が評価者に選任されることは好ましくないと考えるが、政府の見解を明らかにされたい。",
        "直接的な利害関係者が評価に参加することは望ましくないことから、当該作業に加わらないことを決定したところであり、"
        "作業の実施に際しては、事務局において所要の対応をとっているところである。",
    )
    assert v.label == "answered"


def test_carrying_on_the_very_act_asked_for_says_yes(lexicon):
    question = "地域住民と連携した応急給水訓練を積極的に行っていくべきと考えますが、いかがでしょうか。"
    v = judge(
        lexicon,
        question,
        "今後も引き続き、地域の多様な主体と連携した応急給水訓練を積極的に進めてまいります。",
    )
    assert v.label == "answered"
    # an effort, or a partner named, is still the formula
    v = judge(
        lexicon, "適切な情報公開を早急にお願いします。", "今後も引き続き適切な情報公開に努めてまいります。"
    )
    assert v.label == "evasive"


def test_committee_turn_rhetorical_questions_before_the_question_put_are_remarks(lexicon):
    question = (
        "建物下のたまり水の強制排水は今後も行う必要が出るのではないでしょうか。"
        "企業債の償還について、今後どのようになっていくのか伺います。"
    )
    assert [a.text for a in asks(question, lexicon)] == [
        "企業債の償還について、今後どのようになっていくのか伺います"
    ]


def test_a_means_named_with_tsuuji_says_how(lexicon):
    v = judge(
        lexicon,
        "今後、排水栓等をどのように活用していくのか伺います。",
        "今後は、消防団などに対し、地域における実践的訓練を通じ、排水栓の活用要領を普及してまいります。",
    )
    assert v.label == "answered"


def test_diet_not_kept_said_softly_is_not_known(lexicon):
    v = judge(
        lexicon,
        "政府関係者は当該会合に出席したのか。",
        "当該会合は民間団体が主催したものであり、政府として出席の有無を網羅的に把握しているわけではない。",
    )
    assert v.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "現地を確認のうえ、必要に応じて対応いたします。",
        "地元自治会から正式な要望書を提出していただく必要があります。",
    ],
)
def test_city_a_yes_waiting_on_a_need_or_on_the_askers_step_is_conditional(lexicon, answer):
    assert judge(lexicon, "自宅前の道路の穴を補修してほしい。", answer).label == "conditional"


def test_diet_a_no_to_what_the_question_supposes_answers_every_kind_it_asks(lexicon):
    v = judge(
        lexicon,
        "方針変更があったとすれば、いつ、誰が、どのような形で意思決定したのか。",
        "政府としては、個々の答弁書の閣議決定を行っており、それとは別に、特段の意思決定を行ったことはない。",
    )
    assert v.label == "answered"


def test_diet_the_figure_given_says_it_is_known(lexicon):
    v = judge(
        lexicon,
        "輸入米のうち、どれだけの割合で事故米が含まれていたのか、政府として把握していたか。",
        "五年間に販売した事故米穀は、同期間の輸入量の約〇・二パーセントとなっている。",
    )
    assert v.label == "answered"


def test_diet_not_abolished_but_reviewed_is_a_no(lexicon):
    v = judge(
        lexicon,
        "政府は同制度を廃止する考えでいるのか否か、明確な答弁を求める。",
        "政府としては、同制度については、これを廃止するのではなく、施行後五年を目途として見直しを検討することとしている。",
    )
    assert v.label == "answered"


def test_ministry_report_of_what_the_official_kept_repeating_judges_the_quotes(lexicon):
    v = judge(
        lexicon,
        "駅の早朝無人化をやめさせてほしい。",
        "応対した国交省の担当者は、「基本的には事業者の判断による」「可能な限り対応してもらうように要望する」"
        "と繰り返し、事業者任せの姿勢を示しました。",
    )
    assert v.label == "deflected"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("利用状況をみて対応を考えます。", "deferred"),
        ("道路管理者から要望があれば対応したい。", "conditional"),
        ("可能な限り対応してもらうように要望します。", "deflected"),
    ],
)
def test_company_watching_use_asked_first_or_asking_another(lexicon, answer, label):
    assert judge(lexicon, "駅前の踏切を改善してほしい。", answer).label == label


def test_put_on_the_table_as_a_purpose_is_no_postponement(lexicon):
    v = judge(
        lexicon,
        "補償スキームはどのように検討されたのか伺います。",
        "事業者のさまざまな意見を吸い上げて検討の俎上にのせるため、個別ヒアリングを実施し、財産的損害を対象とすることといたしました。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("県としては、国の責任において適切に対応されるべきものと考えております。", "deflected"),
        ("現在、国において制度設計が進められているところであり、その動向を注視してまいります。", "deferred"),
        ("再稼働の是非については、県民の意見を踏まえ、総合的に判断することとしております。", "deferred"),
    ],
)
def test_pref_the_states_responsibility_its_design_under_way_or_a_judgement_to_come(lexicon, answer, label):
    question = "県は原発の再稼働に同意するのか。また、避難計画の実効性をどう確保するのか。"
    assert judge(lexicon, question, answer).label == label


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        (
            "京成側は、経営上の判断などを説明しつつ、「総合的に検討し、最適なものを検討したい」と回答。",
            "deferred",
        ),
        ("担当者は、特別支援学校の開設について「利用状況をみて対応を考える」としました。", "deferred"),
        (
            "「道路管理者から要望があれば対応したい」と、県や市から話があれば応える姿勢を示しました。",
            "conditional",
        ),
    ],
)
def test_company_report_judges_the_quote_inside_the_reporters_sentence(lexicon, answer, label):
    assert judge(lexicon, "急行を復活させてほしい。", answer).label == label


def test_what_staff_said_as_the_topic_of_an_apology_is_not_the_reply(lexicon):
    v = judge(
        lexicon,
        "窓口の職員の対応を改善してほしい。",
        "窓口の職員が「担当ではないのでお答えできない」と答えたことは不適切であり、お詫び申し上げます。"
        "今後は職員への指導を徹底いたします。",
    )
    assert v.label != "declined"


def test_company_a_reported_request_and_the_refusal_after_a_study(lexicon):
    question = "区議は、あまりに突然で無人化は中止すべきと強く要請。"
    assert asks(question, lexicon)[0].kinds == ("request",)
    v = judge(
        lexicon,
        question,
        "担当者は、特別支援学校の開設について「利用状況をみて対応を考える」としましたが、無人化撤回には応じませんでした。",
    )
    assert v.label == "answered"


def test_diet_a_date_that_only_dates_a_figure_does_not_say_when(lexicon):
    question = "政府は、いつまでに、どのような措置を講ずるのか。また、これまでの件数は何件か。"
    only_the_count = judge(lexicon, question, "平成二十一年度において、三百十二件である。")
    assert only_the_count.label == "partial"
    assert any("いつまでに" in u for u in only_the_count.unanswered)
    both = judge(lexicon, question, "令和五年度は十二件である。措置は来年度に講ずる予定である。")
    assert both.label == "answered"


def test_company_a_price_asked_with_a_demand_for_an_answer_is_a_quantity(lexicon):
    question = "駅にエレベーターを設置していただきたい。いつ設置するのか、費用はいくらか、回答を求めます。"
    assert [a.kinds for a in asks(question, lexicon)][-1] == ("quantity",)
    v = judge(lexicon, question, "当社の試算では、約3億円となります。")
    assert v.label == "partial"
    assert not any("費用" in u for u in v.unanswered)


def test_company_another_body_named_then_the_asker_sent_there_is_deflected(lexicon):
    v = judge(
        lexicon,
        "駅にエレベーターを設置していただきたい。",
        "ご質問の事項については、親会社が対応しておりますので、そちらにお問い合わせください。",
    )
    assert v.label == "deflected"
    # the respondent's own window is no other body
    own = judge(
        lexicon,
        "駅にエレベーターを設置していただきたい。",
        "当社が窓口を設けておりますので、そちらにお問い合わせください。",
    )
    assert own.label != "deflected"


def test_city_a_count_withheld_and_the_measures_given_is_partial(lexicon):
    v = judge(
        lexicon,
        "昨年度の相談件数は何件か。また、今後どのような対策を講じるのか。",
        "件数は把握しておりませんが、対策として相談窓口を設置しております。",
    )
    assert v.label == "partial"
    assert any("相談件数" in u for u in v.unanswered)


def test_ministry_a_reported_plain_form_promise_to_study_is_deferred(lexicon):
    v = judge(
        lexicon, "国の責任で制度を改善するよう求めた。", "担当者は「検討させていただく」と答えるだけでした。"
    )
    assert v.label == "deferred"


def test_diet_not_all_of_it_can_be_answered_then_some_given_is_partial(lexicon):
    v = judge(
        lexicon,
        "各法人の役員に占める退職者の人数と割合を、出身省庁とともに法人ごとに示されたい。",
        "お尋ねの事項のすべてについてお答えすることは困難であるが、役員として在職している者の数及びその割合は別表のとおりである。",
    )
    assert v.label == "partial"
    # the guide's hard negative stays answered
    hedged = judge(
        lexicon, "相談件数は何件か。", "一概にお答えすることは困難であるが、令和五年度は十二件である。"
    )
    assert hedged.label == "answered"


def test_diet_a_number_to_be_capped_is_not_a_number_asked(lexicon):
    question = "政府の考え方として、毎年の再就職の総数を制限することを考えているのか。"
    assert asks(question, lexicon)[0].kinds == ("yes_no",)
    assert judge(lexicon, question, "再就職の総数を制限するようなことは考えていない。").label == "answered"


def test_diet_the_premise_before_a_long_yes_no_tail_asks_no_number(lexicon):
    question = (
        "その年の希望人数の多寡によって承認基準を上下させるという考えがあると推察されるが、"
        "政府の考え方として、毎年の承認の総数を制限することを考えているのか。"
    )
    assert asks(question, lexicon)[0].kinds == ("yes_no",)


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        (
            "担当者は「これまで課長が発言してきたこと以上のことは私からは言えない」というものでした。",
            "declined",
        ),
        ("詳しいことはお話しできない。", "declined"),
        ("現段階では何とも言えない。", "deferred"),
    ],
)
def test_company_spoken_refusals_written_down_by_the_group(lexicon, answer, label):
    assert judge(lexicon, "工事の予定を教えてほしい。", answer).label == label


def test_pref_a_proposal_then_the_view_asked_in_a_committee_turn_asks_to_act(lexicon):
    question = (
        "都立施設の一時滞在施設において災害時のトイレ機能を確保していくべきと考えますが、見解を伺います。"
    )
    assert asks(question, lexicon)[0].kinds == ("request",)
    v = judge(
        lexicon,
        question,
        "現在、都立施設を一時滞在施設として指定するための準備を進めております。"
        "指定する都立施設には、水、食料などと同様、簡易トイレの備蓄を行ってまいります。",
    )
    assert v.label == "answered"


def test_diet_a_position_stated_before_the_question_is_its_ground_not_a_part(lexicon):
    question = (
        "補助金の一括交付金化に当たっては、地方の自由度を拡大する観点から、できる限り大きいブロックに括るべきである。"
        "一括交付金化の対象となる補助金の範囲をどのように設定するのか。"
    )
    parts = asks(question, lexicon)
    assert len(parts) == 1 and "範囲" in parts[0].text
    # with no question after it, the position is the request
    assert asks("窓口の開設時間を延長すべきである。", lexicon)[0].kinds == ("request",)


def test_pref_whether_put_as_a_spoken_ask_is_a_yes_no_question(lexicon):
    question = "特に審査内容に不満が生じた場合に、異議申し立てをする組織を設けるのかどうか伺います。"
    assert asks(question, lexicon)[0].kinds == ("yes_no",)


def test_company_a_demand_quoted_whole_by_the_group_asks_to_act(lexicon):
    question = "「ダイヤ改正にあたっては、説明会を開催し、住民の意見や要望を聞いて行うこと」"
    assert all(a.kinds == ("request",) for a in asks(question, lexicon))


def test_city_how_far_one_should_go_asks_the_way_not_a_number(lexicon):
    question = "プラスチック製容器包装がどの程度汚れを落とせば良いか分からない。"
    assert "quantity" not in asks(question, lexicon)[0].kinds
    assert "quantity" in asks("どの程度の費用がかかるのか。", lexicon)[0].kinds


def test_company_no_single_answer_then_the_rule_answers_a_general_question(lexicon):
    v = judge(
        lexicon,
        "審査にはどれくらいの期間がかかるのか。",
        "一律にお答えすることはできませんが、原則として、申請から2週間以内に審査結果を通知しております。",
    )
    assert v.label == "answered"
    # the case asked refused and only the rule given stays a refusal
    refused = judge(
        lexicon,
        "私の申請が不許可となった理由は何か。",
        "個別の審査の内容についてお答えすることはできませんが、審査は原則として基準に基づき行うものとされています。",
    )
    assert refused.label == "declined"


@pytest.mark.parametrize(
    "answer",
    [
        "京成電鉄の担当者は、「現在の計画には含まれていないので、盛り込まれるよう都・区と調整を進めたい」と述べました。",
        "バス会社側は、既定路線の延長などでの対応を検討していると回答。",
        "JR側の回答は、「今年度中に着手したいが、今の現状は厳しい」「検討しています」と言うものでした。",
        "JRからは「あらゆる検討を進めたい」とダイヤ見直しを進める意向を示しました。",
    ],
)
def test_company_reported_postponements_are_deferred(lexicon, answer):
    assert judge(lexicon, "駅へのホームドア設置を求めました。", answer).label == "deferred"


def test_city_an_effort_promised_is_a_formula(lexicon):
    v = judge(
        lexicon,
        "システムの標準化を行うが、更新費が多額になるのでは。",
        "経費が高額にならないよう努力をしていく。",
    )
    assert v.label == "evasive"


def test_diet_unsettled_asked_about_as_such_is_a_yes(lexicon):
    v = judge(
        lexicon,
        "この地域の帰属に関して、未定との政府の立場は変わっていないと理解してよいか。",
        "政府としては、この地域の最終的な帰属は未定であるとの立場である。",
    )
    assert v.label == "answered"
    # asked whether it will be done, 「未定である」 still puts it off
    assert judge(lexicon, "いつ公表するのか。", "公表の時期は未定である。").label == "deferred"


def test_pref_the_basis_of_a_figure_is_answered_by_how_it_was_worked_out(lexicon):
    v = judge(
        lexicon,
        "この減価償却費の算定根拠をまず伺います。",
        "定額法により減価償却を行っております。建物や構築物など償却年数ごとに分類し、一年間の減価償却費を試算いたしました。",
    )
    assert v.label == "answered"


def test_pref_a_spoken_yes_no_after_a_premise_asks_no_figure(lexicon):
    question = (
        "正味運転資本は一千七十九億円としていますが、移転延期に伴う補償費というのもあるかと思いますが、"
        "この収支試算に反映されているのかどうか、伺います。"
    )
    assert asks(question, lexicon)[0].kinds == ("yes_no",)


def test_pref_figures_from_a_survey_just_named_are_the_respondents_account(lexicon):
    v = judge(
        lexicon,
        "公立小中学校の非構造部材の耐震化の現状について伺います。",
        "国は昨年度に調査をしておりますが、これによりますと、都内公立小中学校では、対策の実施率が四一・一％となっております。",
    )
    assert v.label == "answered"


def test_diet_figures_that_cannot_be_known_from_the_records_leave_the_reply_partial(lexicon):
    v = judge(
        lexicon,
        "その際の被害状況はどの程度であったか。また、氾濫の規模や河川の流量を示されたい。",
        "資料によれば被害状況は死者三十数名、家屋の流出四十三戸等であったとされているが、"
        "御指摘の「氾濫の規模」については当該資料からは具体的な数値を知ることはできない。",
    )
    assert v.label == "partial"


def test_city_noise_data_passed_to_a_ministry_is_deflected(lexicon):
    v = judge(
        lexicon,
        "国道の工事設計に、近隣の振動・騒音対策は反映されているか。",
        "振動・騒音の情報は把握し、国交省に伝えている。深刻な場合については、原因を特定して更なる対策を講じるよう要望していく。",
    )
    assert v.label == "deflected"
    # the respondent's own ministry is no other body
    own = judge(lexicon, "報告書はいつ公表するのか。", "本省に報告のうえ、来月公表いたします。")
    assert own.label == "answered"


def test_company_where_left_unnamed_is_a_formula(lexicon):
    assert judge(lexicon, "上のどこへ伝えるのか。", "しかるべき部署です。").label == "evasive"


@pytest.mark.parametrize(
    ("answer", "label"),
    [
        ("駅の駐輪場に関しては前向きに考えたいとJR担当者は答えました。", "deferred"),
        ("委託打ち切りについては、状況を確認したいと答えました。", "deferred"),
        ("割引の実施については「自治体が主体で行うべき問題」としました。", "deflected"),
        ("会長「ご意見をたまわり、質疑を打ち切りたいのですがいかがですか」", "evasive"),
    ],
)
def test_company_reported_replies_at_meetings(lexicon, answer, label):
    assert judge(lexicon, "乗車券販売の委託を継続すること。", answer).label == label


def test_ministry_wanting_to_look_first_then_the_answer_is_no_postponement(lexicon):
    v = judge(
        lexicon,
        "風倒地について、貴職の取り扱い方針を明らかにしてください。",
        "現地の詳細な状況を把握したいと考えておりますが、今後の取扱いについては、天然更新を期待し、適切な管理を行ってまいります。",
    )
    assert v.label != "deferred"


def test_city_opinion_received_as_the_topic_of_a_reply_is_no_formula(lexicon):
    v = judge(
        lexicon,
        "照明灯を増設してほしい。",
        "御意見をいただきました中学校周辺の街灯につきましては、先月、新たに正門付近に街灯を2基設置したところでございます。",
    )
    assert v.label == "answered"


def test_company_a_report_that_no_clear_reply_was_given_is_evasive(lexicon):
    v = judge(
        lexicon, "宇部駅については①北口を開設する", "その他の問題については、明確な回答はされませんでした。"
    )
    assert v.label == "evasive"


@pytest.mark.parametrize(
    ("question", "answer", "label"),
    [
        (
            "踏切を拡幅してほしい。",
            "JRの担当者は「現時点で市から要望を受けていない」と説明しました。",
            "deflected",
        ),
        ("松坂投手を早急に投げさせてほしい。", "選手の起用法は監督に任せている。", "deflected"),
        (
            "100年後にも人々が訪れるような美しい駅を造ってほしい。",
            "駅を改築するチャンスがあれば取り組んでいきたい。",
            "conditional",
        ),
    ],
)
def test_company_shareholders_and_groups_met_by_another_or_a_chance(lexicon, question, answer, label):
    assert judge(lexicon, question, answer).label == label


def test_pref_an_estimate_never_made_is_not_known(lexicon):
    v = judge(
        lexicon,
        "その補助金がなかったとすると、どの程度の赤字になると試算ができるんでしょうか。",
        "補助金収入とこれに対応する費用は同額であることから、補助金がなかった場合の収支の試算は行ってございません。",
    )
    assert v.label == "declined"


def test_diet_asked_whether_known_a_yes_then_a_view_withheld_is_answered(lexicon):
    v = judge(
        lexicon,
        "白老町が「アイヌ施策基本方針」を策定したと承知するが、右の内容を政府は承知しているか。",
        "御指摘の「アイヌ施策基本方針」に関する報道については承知しているが、"
        "地方公共団体の個別具体の施策について見解を述べることは差し控えたい。",
    )
    assert v.label == "answered"


@pytest.mark.parametrize(
    "answer",
    [
        "頂いたご意見は警備の方とも相談し進めていきたいと思います。",
        "バス会社側は「道路整備の状況を見たい」と述べました。",
    ],
)
def test_company_watching_or_consulting_before_acting_is_deferred(lexicon, answer):
    assert judge(lexicon, "巡回などのご対応お願いします。", answer).label == "deferred"


def test_diet_the_fact_asked_said_not_so_as_far_as_known_is_a_no(lexicon):
    v = judge(
        lexicon,
        "外務省は「報告書」のうち定義に関する部分の仮訳を作成しているか。",
        "御指摘の報告書について、外務省作成の仮訳が存在しているとは承知していない。",
    )
    assert v.label == "answered"
    # asked for the figures, not knowing them is still withholding them
    assert judge(lexicon, "相談件数は何件か。", "件数が存在しているとは承知していない。").label != "answered"


def test_city_a_question_put_as_its_noun_alone_is_a_part(lexicon):
    v = judge(lexicon, "件数は何件か。また、その原因は。", "3件です。")
    assert v.label == "partial"
    assert any("原因" in u for u in v.unanswered)
    # a remark ending in は is no question
    assert len(asks("件数は何件か。本件は以上です。", lexicon)) == 1


def test_company_chair_moving_on_to_the_next_question_is_no_answer(lexicon):
    v = judge(
        lexicon,
        "株主「なぜ浜岡だけ止めるのか」",
        "会長「ご指摘ありがとうございます。他にご質問はございますか」",
    )
    assert v.label == "evasive"
    # a question answered, then the chair moving on, is still answered
    v = judge(lexicon, "株主「配当はいくらか」", "社長「一株当たり二十円です。他にご質問はございますか」")
    assert v.label == "answered"


def test_city_another_bodys_province_named_as_its_hanchu_deflects(lexicon):
    v = judge(lexicon, "交差点に信号機を設置してほしい。", "信号機の設置は公安委員会の範疇であります。")
    assert v.label == "deflected"


def test_diet_a_second_question_after_ka_mata_is_not_a_choice(lexicon):
    parts = asks(
        "その権利は留保されているのか、またいかにして報告を受け、検証を可能にしているのか。", lexicon
    )
    assert [p.kinds for p in parts] == [("yes_no",), ("how",)]
    # 「Aか、またはBか」 is still one choice
    parts = asks("国が負担するのか、または県が負担するのか。", lexicon)
    assert len(parts) == 1


def test_diet_every_point_asked_put_off_defers_a_yes_no_the_account_does_not_answer(lexicon):
    v = judge(
        lexicon,
        "本件財団に国税を投入する以上、事業の内容等を検証する必要があると思われるが、"
        "その権利は留保されているのか、またいかにして報告を受け、検証を可能にしているのか。",
        "政府の予算による措置については、両政府が協力し、関係者の名誉の回復のための事業を行うもの"
        "である。当該事業は、両政府で合意された内容の範囲で実施するものであるが、お尋ねの点を含め、"
        "その具体的な内容は、今後両国の外交当局間で調整していく。",
    )
    assert v.label == "deferred"


def test_city_how_answered_by_what_the_arrangement_is_based_on(lexicon):
    v = judge(
        lexicon,
        "スクールバスのバス停までどうやっていくのか。",
        "現在の通学団をベースに、集団でバス停まで移動していただきたいと考えている。",
    )
    assert v.label == "answered"


def test_city_a_plain_form_reply_that_does_the_act_asked_is_a_yes(lexicon):
    v = judge(
        lexicon,
        "交流の日程は保護者等にお知らせいただけるのか",
        "保護者には学校を通して、お知らせをさせていただく",
    )
    assert v.label == "answered"
    assert not any("途中で切れて" in r for r in v.reasons)


def test_city_whether_there_is_a_standard_answered_by_the_limit_set(lexicon):
    v = judge(
        lexicon,
        "特別支援学級については、児童数の基準等はあるのか。",
        "特別支援学級では学級あたりの上限が８人と設定されており、これを超えると２学級以上となる。",
    )
    assert v.label == "answered"


def test_city_sending_the_asker_to_the_schools_deflects(lexicon):
    v = judge(lexicon, "今後、中学校の行事等の説明をきく機会がありますか", "各学校までお問い合わせください。")
    assert v.label == "deflected"


@pytest.mark.parametrize(
    "question",
    ["グループ会社間での通話も無料にすべきだ。", "空港で無料で使えるサービスがあってもいいのではないか。"],
)
def test_company_yaimashou_at_a_meeting_is_a_yes(lexicon, question):
    assert judge(lexicon, question, "やりましょう").label == "answered"
    assert judge(lexicon, question, "検討しましょう").label != "answered"


def test_ministry_an_article_of_a_law_cited_is_no_relay(lexicon):
    v = judge(
        lexicon,
        "卸売市場法上における中央卸売市場の位置づけについて確認をさせていただきます。",
        "卸売市場法第二条第三項によれば、中央卸売市場とは、生鮮食料品等の卸売の中核的拠点として、"
        "農林水産大臣の認可を受けて開設される卸売市場をいうとされています。",
    )
    assert v.label == "answered"


def test_ministry_no_power_to_check_is_not_an_answer(lexicon):
    v = judge(
        lexicon,
        "教授とのメールのやりとりに関係する文書、情報の公表について",
        "メールのやりとりの公表については、規制庁が、私人である教授に確認する権限は無い。",
    )
    assert v.label != "answered"


def test_city_consultation_listed_as_a_service_given_is_no_postponement(lexicon):
    v = judge(
        lexicon,
        "保育所は保護者の養育力を向上させる役割も果たすべきと考えますが、都の見解を伺います。",
        "保育所は、保護者の養育力の向上を支援する役割を担っており、現在、日常的なかかわりの中で、"
        "子育てに関する助言や相談を行っております。",
    )
    assert v.label == "answered"
    # consulting about the matter asked is still a postponement
    assert judge(lexicon, "信号機を設置してほしい。", "警察と相談を行っております。").label == "deferred"


def test_company_samples_taken_back_are_no_promise_to_take_the_matter_back(lexicon):
    v = judge(
        lexicon,
        "報告方法はどのように報告されたのか教えていただけますでしょうか。",
        "一度弊社に持ち帰った試料を都の方でもう一度確認いただいて、それから分析業者の方に送付するという手順をとっております。",
    )
    assert v.label == "answered"
    assert judge(lexicon, "報告方法を教えてください。", "一旦持ち帰って確認いたします。").label != "answered"


@pytest.mark.parametrize("answer", ["裁判所が判断することになります", "株価はマーケットが決めるものである"])
def test_company_left_to_a_court_or_the_market_is_no_answer(lexicon, answer):
    assert judge(lexicon, "責任は100%御社にあるのですか", answer).label != "answered"


def test_pref_watching_how_the_debate_turns_out_defers_the_part_asked(lexicon):
    v = judge(
        lexicon,
        "実施医療機関はふえているのではありませんか。都立病院でも実施できると思いますが、いかがですか。",
        "実施医療機関は、平成二十年度末で四十三カ所、現在では四十七カ所となっております。"
        "国は新規開始の抑制方針を示しており、都としては、今後の議論の行方を見きわめてまいります。",
    )
    assert v.label == "partial"


def test_committee_toka_and_toiuka_list_or_rephrase_they_ask_nothing(lexicon):
    parts = asks(
        "仕様書には、査察を行うこととか、記録を保管しなさい、こういう項目が入っております。"
        "この精度管理は、御社の仕様書にはなかったでしょうか。",
        lexicon,
    )
    assert len(parts) == 1
    assert (
        len(asks("校庭の脇というか、校舎の脇の崖は大丈夫なのかどうなのか、お聞かせください。", lexicon)) == 1
    )
    v = judge(
        lexicon,
        "業者に委託をしろとか、そういった具体的な指示なり要望なりがあったのかどうなのか、確認をさせていただきたい。",
        "東京都からは指示はございません。",
    )
    assert v.label == "answered"


def test_company_a_decision_reached_after_weighing_is_no_postponement(lexicon):
    v = judge(
        lexicon,
        "何の法的根拠もない要請を受けて、なぜ停止したのか。",
        "首相の要請は国の指示と受け止め、地域の理解が最優先です。そのため、再開の条件を国に確認しました。"
        "この点を踏まえて検討し、要請に応じて停止することが、今後原発を安定運営する礎になると判断しました",
    )
    assert v.label == "answered"
