"""Relations between documents, declared once: what each relation key means and how it is shown.

The front-matter keys themselves are declared in gazette.model.schema; this
table says what they do (the validity they give the document they name) and
how the page, the structured data and the open data name them both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import AMENDED, REPEALED


@dataclass(frozen=True)
class Relation:
    key: str  # front-matter key of the document that names another
    name: str  # 中文 name of the key (its schema label)
    label: str  # on the naming document's page: 本文件修改
    reverse_label: str  # on the named document's page and in open data: 被以下文件修改
    reverse_key: str  # open-data key of the named document's side: amended_by
    jsonld: str  # schema.org property of the naming document
    effect: str | None = None  # validity the named document gets (有效性), None for none
    partial: bool = False  # the named document stays in force in part (schema.org PartiallyInForce)
    act: str = ""  # what the naming document does, in the key's help (default: name)

    @property
    def help(self) -> str:
        return f"本文件{self.act or self.name}的文件；被{self.name}的文件显示为“{self.effect}”。"


INTERPRETS = Relation("interprets", "解读对象", "解读对象", "政策解读", "interpreted_by", "about")

# Relations that change the validity of the documents they name, in order of precedence:
# a document both repealed and amended is 废止; one both superseded and amended lists the superseding ones.
CHANGES = (
    Relation("repeals", "废止", "本文件废止", "被以下文件废止", "repealed_by", "legislationRepeals", REPEALED,
             act="宣布废止"),
    Relation("supersedes", "替代", "本文件替代", "被以下文件替代", "superseded_by", "legislationChanges", AMENDED),
    Relation("amends", "修改", "本文件修改", "被以下文件修改", "amended_by", "legislationAmends", AMENDED, partial=True),
)

RELATIONS = {relation.key: relation for relation in (INTERPRETS, *CHANGES)}
