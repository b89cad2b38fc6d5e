"""The vocabulary of web boilerplate in Arabic, English and French, for `webtext`'s rules.

Every phrase is matched on `normalize_for_match` of a line (hamza forms folded, ة → ه, tashkeel
dropped, Latin lower case), so `اقرأ أيضاً` and `اقرا ايضا` are the same phrase. Extend the lists
here; the rules in `webtext.py` decide where a phrase counts.
"""

from __future__ import annotations

import re

from editor.core.text.arabic import normalize_for_match


def _phrases(*items: str) -> tuple[str, ...]:
    return tuple(normalize_for_match(item) for item in items)


# The heading of a comment form: after it, short lines are the form (labels, buttons, notes).
COMMENT_HEADINGS = _phrases(
    "اترك رد", "اترك ردا", "اترك رداً", "اترك تعليقا", "اترك تعليقاً", "أضف تعليقا", "أضف تعليق",
    "اكتب تعليقا", "التعليقات", "شارك برأيك", "Leave a reply", "Leave a comment", "Add a comment",
    "Post a comment", "Comments", "Laisser un commentaire", "Laisser une réponse",
    "Ajouter un commentaire", "Commentaires",
)  # fmt: skip

# Lines of a comment form wherever they appear (contained in the line).
COMMENT_FORM = _phrases(
    "لن يتم نشر عنوان بريدك الإلكتروني", "لن يتم نشر بريدك الإلكتروني", "الحقول الإلزامية مشار إليها",
    "الحقول المطلوبة مشار إليها", "الحقول المطلوبة", "احفظ اسمي", "إلغاء الرد", "إرسال التعليق",
    "أرسل التعليق", "Your email address will not be published", "Required fields are marked",
    "Save my name, email", "Cancel reply", "Post Comment", "You must be logged in to post a comment",
    "Votre adresse e-mail ne sera pas publiée", "Votre adresse de messagerie ne sera pas publiée",
    "Les champs obligatoires sont indiqués", "Enregistrer mon nom", "Annuler la réponse",
    "Laisser un commentaire",
)  # fmt: skip

# Whole lines that are form labels (with or without a `*`).
FORM_LABELS = _phrases(
    "الاسم", "الإسم", "البريد الإلكتروني", "البريد الالكتروني", "الموقع الإلكتروني", "الموقع", "التعليق",
    "تعليقك", "Name", "Email", "E-mail", "Website", "Comment", "Nom", "Adresse de messagerie",
    "Site web", "Commentaire",
)  # fmt: skip

# Words of share/print button rows: a line made only of these is dropped.
SHARE_WORDS = frozenset(
    _phrases(
        "شارك", "شاركها", "شاركوا", "مشاركة", "المقال", "الخبر", "على", "عبر", "طباعة", "اطبع", "طباعه",
        "فيسبوك", "فيس", "بوك", "تويتر", "إكس", "واتساب", "واتس", "آب", "اب", "تيليجرام", "تلغرام",
        "تليجرام", "لينكدإن", "لينكد", "إن", "بريد", "البريد", "الإلكتروني", "نسخ", "الرابط",
        "انستغرام", "share", "this", "article", "on", "via", "facebook", "twitter", "x", "whatsapp",
        "telegram", "linkedin", "email", "e-mail", "mail", "print", "copy", "link", "tweet", "pinterest",
        "reddit", "messenger", "partager", "partagez", "sur", "imprimer", "envoyer", "cet", "article",
        "copier", "le", "lien",
    )
)  # fmt: skip
SHARE_SPLIT_RE = re.compile(r"[\s|•·/,،:\-–—]+")

# "Read also" lines (the line starts with one of these).
READ_ALSO = _phrases(
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ كذلك", "شاهد أيضا", "اقرأ المزيد", "مواضيع ذات صلة",
    "أخبار ذات صلة", "مقالات ذات صلة", "ذات صلة", "Read also", "Read more", "Also read", "Related",
    "Related articles", "Related stories", "See also", "Lire aussi", "À lire aussi", "A lire aussi",
    "Voir aussi", "Lire la suite", "Sur le même sujet",
)  # fmt: skip

COOKIE_WORDS = _phrases(
    "ملفات تعريف الارتباط", "ملفات الارتباط", "الكوكيز", "cookies", "cookie", "témoins de connexion",
)  # fmt: skip
BUTTONS = frozenset(_phrases("قبول", "موافق", "أوافق", "رفض", "Accept", "Accept all", "OK", "Got it",
                             "Reject", "Accepter", "Refuser", "J'accepte", "Tout accepter"))  # fmt: skip

COPYRIGHT = _phrases(
    "©", "(c) ", "جميع الحقوق محفوظة", "حقوق النشر محفوظة", "جميع حقوق النشر", "كل الحقوق محفوظة",
    "All rights reserved", "Copyright", "Tous droits réservés",
)  # fmt: skip

# "Published/updated" lines: the line starts with one of these.
DATE_LABELS = _phrases(
    "آخر تحديث", "تاريخ التحديث", "تم التحديث", "محدث", "تحديث", "تاريخ النشر", "نشر في", "نشر بتاريخ",
    "نُشر في", "نشر", "Last updated", "Updated", "Published", "Posted on", "Posted", "First published",
    "Publié le", "Publié", "Mis à jour", "Dernière mise à jour",
)  # fmt: skip

# Breadcrumbs start at the home page and use one of these separators.
HOME_WORDS = _phrases("الرئيسية", "الصفحة الرئيسية", "Home", "Accueil")
BREADCRUMB_SPLIT_RE = re.compile(r"\s*(?:»|›|>|/|\\|\||«|‹|<)\s*")

# Bylines: "بقلم: فلان", "By Jane Doe", "Par Jean Dupont".
BYLINE_RE = re.compile(
    r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|By|Par)\s*[:：]?\s+(?P<name>\S.{0,60})$", re.IGNORECASE
)

# Front-matter tags written as a web line: "الوسوم: الأمن، المغرب", "Tags: a, b".
TAG_LABEL_RE = re.compile(
    r"^(?:الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية|الكلمات الدالة|Tags|Mots-clés|Mots clés)\s*[:：]\s*(?P<tags>.+)$",
    re.IGNORECASE,
)
TAG_LIST_SPLIT_RE = re.compile(r"\s*[،,;؛|]\s*|\s+(?=#)")

# A dateline: 1-4 words of place (optionally ", country"), an optional agency credit in
# parentheses or between dashes, then a dash and a space. `PARIS (AFP) –`, `الرباط، المغرب –`,
# `القاهرة - رويترز -`.
_WORD = r"[^\s\d.!?؟:،,;؛()\[\]\-–—#\"“”«»]+"
_PLACE = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
DASH = r"[-–—]"
DATELINE_RE = re.compile(
    rf"^#?(?P<place>{_PLACE}(?:\s*[،,]\s*{_PLACE})?)\s*"
    rf"(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?{DASH}+\s+"
    rf"(?:(?P<agency2>{_WORD}(?:[ ]{_WORD})?)\s+{DASH}+\s+)?(?=\S)"
)
AGENCIES = frozenset(
    _phrases(
        "رويترز", "أ ف ب", "فرانس برس", "أ.ف.ب", "وام", "واس", "قنا", "كونا", "بنا", "ومع", "و.م.ع",
        "الأناضول", "سبأ", "بترا", "سانا", "واج", "وات", "د ب أ", "أسوشيتد برس", "إفي", "شينخوا",
        "Reuters", "AFP", "AP", "dpa", "EFE", "Xinhua", "Anadolu", "MAP", "WAM", "SPA", "QNA", "KUNA",
        "UPI", "Bloomberg",
    )
)  # fmt: skip

# A stray Markdown heading mark copied in front of a web line (`#العنوان`, `# العنوان`).
LEADING_HASHES_RE = re.compile(r"^#{1,6}[ \t]*")
SENTENCE_END_RE = re.compile(r"[.!?؟…](?:[\"”»’')\]]*)$")
