#!/usr/bin/env python3
"""Reads a .docx with python-docx, an independent reader, and prints what
it finds as JSON: the body in order (paragraphs with their style, heading
level, runs' languages, page breaks, bookmarks and links; tables with their
repeating header rows, borders and every cell's paragraphs), the core
title, the language of the styles' defaults, each heading style's outline
level, and the zip entries' dates.

Usage: tests/docx_check.py FILE.docx
"""

import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn


def val(element, tag):
    """The w:val of a child element, or None."""
    if element is None:
        return None
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def runs_of(p_element):
    """Every run of a paragraph, inside links too, in order."""
    return p_element.iter(qn("w:r"))


def list_kind(paragraph):
    """A numbered or bulleted paragraph's list, as Word resolves it: the
    number format, the first number and the level ("bullet 1, level 1")."""
    num_pr = paragraph._p.find(".//" + qn("w:numPr"))
    if num_pr is None and paragraph.style is not None:
        num_pr = paragraph.style.element.find(".//" + qn("w:numPr"))
    if num_pr is None:
        return None
    level = int(val(num_pr, "w:ilvl") or 0)
    num_id = val(num_pr, "w:numId")
    numbering = paragraph.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = val(num, "w:abstractNumId")
    abstract = next(
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    lvl = next(l for l in abstract.iter(qn("w:lvl")) if int(l.get(qn("w:ilvl"))) == level)
    start = val(lvl, "w:start")
    for override in num.iter(qn("w:lvlOverride")):
        if int(override.get(qn("w:ilvl"))) == level:
            start = val(override, "w:startOverride") or start
    return "%s %s, level %d" % (val(lvl, "w:numFmt"), start, level + 1)


def paragraph_json(paragraph):
    p = paragraph._p
    style = paragraph.style.name if paragraph.style is not None else None
    out = {"style": style, "text": paragraph.text}
    if style and style.startswith("Heading "):
        out["heading"] = int(style.split()[1])
    langs = []
    bold = []
    for r in runs_of(p):
        rpr = r.find(qn("w:rPr"))
        lang = val(rpr, "w:lang")
        if lang and lang not in langs:
            langs.append(lang)
        if rpr is not None and rpr.find(qn("w:b")) is not None:
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if text:
                bold.append(text)
    if langs:
        out["langs"] = langs
    if bold:
        out["bold"] = bold
    if paragraph.paragraph_format.page_break_before:
        out["page_break_before"] = True
    if any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))):
        out["page_break"] = True
    kind = list_kind(paragraph)
    if kind:
        out["list"] = kind
    marks = [b.get(qn("w:name")) for b in p.iter(qn("w:bookmarkStart"))]
    if marks:
        out["bookmarks"] = marks
    links = [h.get(qn("w:anchor")) for h in p.iter(qn("w:hyperlink"))]
    if links:
        out["links"] = links
    return out


def table_json(table):
    tbl = table._tbl
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    rows = []
    header_rows = 0
    for row in table.rows:
        trpr = row._tr.trPr
        if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
            header_rows += 1
        rows.append([[paragraph_json(p) for p in cell.paragraphs] for cell in row.cells])
    return {
        "table": rows,
        "header_rows": header_rows,
        "borders": sorted(child.tag.split("}")[1] for child in borders)
        if borders is not None
        else [],
    }


def body_json(document):
    out = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            out.append(table_json(block))
        else:
            out.append(paragraph_json(block))
    return out


def styles_json(document):
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(".//" + qn("w:rPr")) if defaults is not None else None
    outline = {}
    for style in document.styles:
        if style.name and style.name.startswith("Heading "):
            ppr = style.element.find(qn("w:pPr"))
            outline[style.name] = int(val(ppr, "w:outlineLvl"))
    return {"default_lang": val(rpr, "w:lang"), "outline_levels": outline}


def main(path):
    document = docx.Document(path)
    with zipfile.ZipFile(path) as archive:
        dates = sorted({"%04d-%02d-%02d" % info.date_time[:3] for info in archive.infolist()})
    print(
        json.dumps(
            {
                "title": document.core_properties.title,
                "styles": styles_json(document),
                "body": body_json(document),
                "zip_dates": dates,
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: docx_check.py FILE.docx")
    main(sys.argv[1])
