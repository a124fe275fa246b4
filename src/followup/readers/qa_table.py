"""Question-and-answer tables (a .docx or HTML table with 質問 and 回答 columns) as text.

Each row becomes the interleaved shape the parser reads: the number and the question on
one line, then 【回答】 and the answer, so a table reply pairs like a typed one.
"""

from __future__ import annotations

import re

from followup.numbering import match_marker

_NUMBER_HEAD = re.compile(r"^(?:番号|No\.?|NO\.?|№|項番|項目番号|問|質問番号)$", re.IGNORECASE)
_QUESTION_HEAD = re.compile(r"質問|問い|ご?意見|お尋ね")
_ANSWER_HEAD = re.compile(r"回答|答弁|答え|考え方")


def qa_columns(header: list[str]) -> tuple[int | None, int, int] | None:
    """(number column, question column, answer column) when the header row names them."""
    cells = [c.strip().replace(" ", "").replace("\u3000", "") for c in header]
    answer = next((i for i, c in enumerate(cells) if _ANSWER_HEAD.search(c)), None)
    question = next(
        (
            i
            for i, c in enumerate(cells)
            if _QUESTION_HEAD.search(c) and i != answer and not _NUMBER_HEAD.match(c)
        ),
        None,
    )
    if answer is None or question is None:
        return None
    number = next((i for i, c in enumerate(cells) if _NUMBER_HEAD.match(c)), None)
    return number, question, answer


def qa_rows_as_lines(rows: list[list[str]], columns: tuple[int | None, int, int]) -> list[str]:
    """The body rows of a Q&A table as numbered question lines followed by 【回答】 lines."""
    number_col, question_col, answer_col = columns
    lines: list[str] = []
    for index, row in enumerate(rows, start=1):
        if max(number_col or 0, question_col, answer_col) >= len(row):
            continue
        question = " ".join(row[question_col].split("\n")).strip()
        answer = row[answer_col].strip()
        if not question and not answer:
            continue
        label = row[number_col].strip() if number_col is not None else ""
        label = _as_marker(label, index)
        lines += ["", f"{label}\u3000{question}", f"【回答】{answer}"]
    lines.append("")
    return lines


def _as_marker(label: str, index: int) -> str:
    """Keep a number the table gives (「問3」「(2)」); otherwise number the rows 問1, 問2…"""
    if label and match_marker(f"{label}\u3000x"):
        return label
    digits = label.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        return f"問{digits}"
    return f"問{index}"
