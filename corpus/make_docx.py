#!/usr/bin/env python3
"""Writes forum-task-force-response.docx, the DOCX document of the bundled corpus.

The corpus needs one source in a word-processor format, and a binary file
needs a reproducible origin: this script is it. It uses only the standard
library (zipfile) to write a minimal valid DOCX: [Content_Types].xml,
_rels/.rels, word/document.xml and docProps/core.xml (title, creator, date).
Timestamps in the archive are fixed, so the output is byte-for-byte the same
on every run.

    python3 corpus/make_docx.py          # rewrites corpus/forum-task-force-response.docx

The text is written for claimcheck in its own words; it restates a National
Immigration Forum blog post of 4 May 2012 (Brittney Nystrom) and carries its
figures: launch in 2008; FY2011 deportations through Secure Communities, 29%
with only minor convictions (sentences under a year), 26% with no conviction,
55% together.
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

TITLE = "ICE's answer to the Secure Communities Task Force falls short"
CREATOR = "National Immigration Forum (Brittney Nystrom)"
DATE = "2012-05-04T00:00:00Z"

PARAGRAPHS = [
    ("heading", TITLE),
    ("body", "National Immigration Forum, 4 May 2012."),
    ("body", "The Obama Administration launched Secure Communities in 2008 and presented it as a way "
             "to find and deport violent immigrants with criminal convictions. Almost four years "
             "later, immigrant-rights, civil-rights and law-enforcement groups all criticise it for "
             "drifting from that purpose into a dragnet that catches immigrants whether or not they "
             "threaten anyone."),
    ("body", "The government's own figures make the point. In fiscal year 2011, 29% of the people "
             "deported through Secure Communities had been convicted only of minor crimes that "
             "carried sentences of less than one year, and 26% had no criminal conviction at all. "
             "Together, 55% of those deported through the program had either no conviction or only "
             "a minor one."),
    ("body", "On April 27 the Department of Homeland Security answered the recommendations of last "
             "year's Secure Communities Task Force with a policy paper. The Forum sat on the Task "
             "Force and resigned once it was clear that the program's deep problems would not be "
             "fixed through it."),
    ("body", "Most of what ICE now lists as changes had already happened over the past year: "
             "prosecutorial-discretion memos, a new detainer form and a hotline, stakeholder "
             "meetings, the end of agreements with states, more information on the ICE website, a "
             "Public Advocate, training on prosecutorial discretion, a review of backlogged cases, "
             "briefings by the DHS civil-rights office, and one statistician to look for "
             "jurisdictions that misuse the program."),
    ("body", "ICE will keep pursuing people for minor traffic offenses such as a broken taillight or "
             "an illegal U-turn. The one real revision: someone arrested only for a minor traffic "
             "offense, with no earlier convictions and outside ICE's priorities, will face "
             "enforcement only after being convicted of that offense."),
    ("body", "The program still targets people for civil immigration violations, still lets "
             "discriminatory policing feed it, and still gives communities no say in taking part. "
             "It should be halted until it is fundamentally fixed."),
    ("body", "Sample document written for claimcheck in its own words, restating a National "
             "Immigration Forum blog post."),
]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""


def core_xml():
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(TITLE)}</dc:title>
<dc:creator>{escape(CREATOR)}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{DATE}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{DATE}</dcterms:modified>
</cp:coreProperties>
"""


def paragraph(kind, text):
    # Split each paragraph into two runs, as word processors do, so readers
    # that must join runs are exercised.
    cut = text.find(" ", len(text) // 2)
    runs = [text] if cut < 0 else [text[:cut], text[cut:]]
    props = '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>' if kind == "heading" else ""
    body = "".join(f'<w:r>{props}<w:t xml:space="preserve">{escape(r)}</w:t></w:r>' for r in runs)
    return f"<w:p>{body}</w:p>"


def document_xml():
    paras = "\n".join(paragraph(k, t) for k, t in PARAGRAPHS)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body>
{paras}
</w:body>
</w:document>
"""


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forum-task-force-response.docx")
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document_xml()),
        ("docProps/core.xml", core_xml()),
    ]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2012, 5, 4, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
