"""Pasting into the editor: HTML from a browser, LibreOffice or Word becomes Markdown; an HTML-only
clipboard pastes its text; Ctrl+Shift+V pastes plain text; every character is kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from editor.ui.editor import paste
from editor.ui.editor.markdown_edit import MarkdownEdit

BROWSER = """<html><body>
<!--StartFragment--><meta charset="utf-8"><article class="post" data-analytics="story-1" style="font-family: Tajawal">
<h2 class="entry-title" style="color:#222;font-size:28px">تعاون أمني بين المغرب والإمارات</h2>
<p style="text-align:right;direction:rtl" data-track="p1">استقبل <strong style="color:red">عبد اللطيف حموشي</strong>،
<em>أمس الثلاثاء</em>، وفدا <a href="https://example.com/news/123?utm_source=twitter&amp;utm_medium=social&amp;id=9" onclick="track(1)" target="_blank" rel="noopener">إماراتيا</a> رفيع المستوى.</p>
<p>وتناول اللقاء:<br>التعاون العملياتي.</p>
<ul class="list"><li>مكافحة الإرهاب</li><li>الجريمة <span style="font-weight:700">العابرة</span> للحدود</li></ul>
<blockquote class="wp-block-quote"><p>«الأمن مسؤولية مشتركة»</p></blockquote>
<table class="data"><thead><tr><th>القانون</th><th>المادة</th></tr></thead><tbody><tr><td>03-73</td><td>7</td></tr></tbody></table>
<img src="https://pixel.example.com/track.gif?u=42" width="1" height="1" style="display:none">
<img src="https://cdn.example.com/photo.jpg" alt="صورة من اللقاء">
<script>window.dataLayer.push({event: "read"})</script>
</article><!--EndFragment-->
</body></html>"""

BROWSER_MARKDOWN = """## تعاون أمني بين المغرب والإمارات

استقبل **عبد اللطيف حموشي**، *أمس الثلاثاء*، وفدا [إماراتيا](https://example.com/news/123?id=9) رفيع المستوى.

وتناول اللقاء:

التعاون العملياتي.

- مكافحة الإرهاب
- الجريمة **العابرة** للحدود

> «الأمن مسؤولية مشتركة»

| القانون | المادة |
| --- | --- |
| 03-73 | 7 |

[صورة من اللقاء](https://cdn.example.com/photo.jpg)"""

LIBREOFFICE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head>
<meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/><style type="text/css">
p { margin-bottom: 0.25cm; direction: rtl; line-height: 115%; text-align: right; background: transparent }
h1.western { font-family: "Liberation Serif", serif }</style></head>
<body lang="ar-MA" link="#000080" vlink="#800000" dir="rtl">
<h1 class="western">اجتماع المجلس</h1>
<p style="margin-bottom: 0cm; line-height: 100%"><font face="Amiri"><b>انعقد</b> المجلس <i>صباح</i> اليوم.</font></p>
<ol><li><p style="margin-bottom: 0cm">البند الأول</p></li><li><p style="margin-bottom: 0cm">البند الثاني</p></li></ol>
</body></html>"""

WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=EN-US style='tab-interval:36.0pt'><!--StartFragment-->
<p class=MsoNormal dir=RTL style='text-align:right;direction:rtl;unicode-bidi:embed'><b><span lang=AR-SA style='font-family:"Arial",sans-serif'>تقرير اللجنة<o:p></o:p></span></b></p>
<p class=MsoListParagraphCxSpFirst dir=RTL style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><span lang=AR-SA>النقطة الأولى<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast dir=RTL style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]><span lang=AR-SA>النقطة الثانية<o:p></o:p></span></p>
<p class=MsoNormal dir=RTL><span lang=AR-SA>نص <i>مائل</i> و<a href="https://gov.example.ma/report">رابط التقرير</a>.</span></p>
<!--EndFragment--></body></html>"""


@pytest.fixture(autouse=True)
def empty_clipboard_after(qapp):
    # Qt's offscreen platform crashes at exit when the clipboard still holds a QMimeData made in
    # Python (a real X server does not): leave the clipboard empty after each test
    yield
    QApplication.clipboard().clear()


@pytest.fixture
def editor(qtbot) -> MarkdownEdit:
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def put_on_clipboard(html: str | None = None, text: str | None = None) -> QMimeData:
    data = QMimeData()
    if html is not None:
        data.setHtml(html)
    if text is not None:
        data.setText(text)
    QApplication.clipboard().setMimeData(data)
    return data


def press_paste(qtbot, editor: MarkdownEdit, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_V, modifiers)


def test_browser_fragment_pastes_as_markdown(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard(BROWSER, "plain text the browser also offers")
    press_paste(qtbot, editor)
    assert editor.body_text() == BROWSER_MARKDOWN
    assert "utm_" not in editor.body_text() and "track" not in editor.body_text()


def test_libreoffice_html(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard(LIBREOFFICE, "اجتماع المجلس")
    press_paste(qtbot, editor)
    assert editor.body_text() == (
        "# اجتماع المجلس\n\n**انعقد** المجلس *صباح* اليوم.\n\n1. البند الأول\n2. البند الثاني"
    )


def test_word_html(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard(WORD, "تقرير اللجنة")
    press_paste(qtbot, editor)
    assert editor.body_text() == (
        "**تقرير اللجنة**\n\n- النقطة الأولى\n- النقطة الثانية\n\n"
        "نص *مائل* و[رابط التقرير](https://gov.example.ma/report)."
    )


def test_html_only_clipboard_pastes(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard("<p>فقرة <b>عريضة</b></p>")
    press_paste(qtbot, editor)
    assert editor.body_text() == "فقرة **عريضة**"
    editor.clear()
    put_on_clipboard("<span style='color:red'>نص&nbsp;بلا بنية</span>")  # nothing to convert: its text
    press_paste(qtbot, editor)
    assert editor.body_text() == "نص\u00a0بلا بنية"
    editor.clear()
    put_on_clipboard('<p><img src="https://t.example.com/p.gif" width="1" height="1">نص</p>')
    press_paste(qtbot, editor)
    assert editor.body_text() == "نص"


def test_code_editor_html_pastes_the_markdown_as_written(qtbot, editor: MarkdownEdit) -> None:
    markdown = "## عنوان\n\nنص **عريض** و_مائل_"
    html = "<div style='color:#d4d4d4'><div><span>## عنوان</span></div><br><div><span>نص **عريض** و_مائل_</span></div></div>"
    put_on_clipboard(html, markdown)
    press_paste(qtbot, editor)
    assert editor.body_text() == markdown


def test_every_character_is_kept(qtbot, editor: MarkdownEdit) -> None:
    text = "نص\u00a0فيه\u200cعلامات \u200fو03-73\u200e ورقم ١٢٣ و«اقتباس»"
    put_on_clipboard(f"<p>{text}</p>", text)
    press_paste(qtbot, editor)
    assert editor.body_text() == text


def test_ctrl_shift_v_pastes_plain_text(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard("<p><b>عريض</b></p>", "عريض فقط")
    paste.paste_plain(editor)
    assert editor.body_text() == "عريض فقط"
    editor.clear()
    put_on_clipboard("<p><b>عريض</b> وحده</p>")  # HTML only: its text
    paste.paste_plain(editor)
    assert editor.body_text() == "عريض وحده"


def test_midad_markdown_round_trips(qtbot, editor: MarkdownEdit) -> None:
    data = put_on_clipboard("<p>html</p>", "text")
    data.setData(paste.MIDAD_MIME, "# عنوان\n\nنص *مائل*".encode())
    press_paste(qtbot, editor)
    assert editor.body_text() == "# عنوان\n\nنص *مائل*"


def test_paste_is_one_undo_step(qtbot, editor: MarkdownEdit) -> None:
    put_on_clipboard(BROWSER)
    press_paste(qtbot, editor)
    editor.undo()
    assert editor.body_text() == ""
