#!/usr/bin/env python3
"""htmlcheck.py - an HTML page of dialdiff is one self-contained document.

    htmlcheck.py FILE.html [LANG]

Checks that the page parses as XML (polyglot markup), that its root is
<html> in the XHTML namespace with lang (and xml:lang) LANG when given,
that it has a <meta charset="utf-8"/> and a <style>, and that it refers to
nothing outside itself: no element that loads or runs anything (script,
link, img, iframe, object, embed, base, form, ...), no src attribute, no
href but a fragment of the page itself ("#id", and the id exists), no
@import or url( in the style sheet or a style attribute.  Prints each
problem and exits 1; exits 0 when there is none.
"""
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORBIDDEN = {"script", "link", "img", "iframe", "frame", "object", "embed",
             "base", "form", "audio", "video", "source", "picture", "svg",
             "math", "input", "noscript"}


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path, lang = argv[1], (argv[2] if len(argv) > 2 else None)
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print("%s: not well-formed: %s" % (path, e))
        return 1
    if root.tag != XHTML + "html":
        problems.append("the root is %s, not html in the XHTML namespace" % root.tag)
    if lang and (root.get("lang") != lang or root.get(XML_LANG) != lang):
        problems.append("lang is %r / xml:lang %r, not %r"
                        % (root.get("lang"), root.get(XML_LANG), lang))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    charset = style = False
    for el in root.iter():
        name = el.tag[len(XHTML):] if el.tag.startswith(XHTML) else el.tag
        if name in FORBIDDEN:
            problems.append("<%s> element" % name)
        if name == "meta" and el.get("charset") == "utf-8":
            charset = True
        if name == "style":
            style = True
            css = (el.text or "").lower()
            for bad in ("@import", "url("):
                if bad in css:
                    problems.append("%s in the style sheet" % bad)
        for attr, value in el.attrib.items():
            low = value.strip().lower()
            if attr in ("src", "srcset", "data", "poster", "action",
                        "formaction", "background", "xlink:href"):
                problems.append("%s=%r on <%s>" % (attr, value, name))
            elif attr == "href":
                if not low.startswith("#"):
                    problems.append("href=%r on <%s>" % (value, name))
                elif value[1:] not in ids:
                    problems.append("href=%r points at no id" % value)
            elif attr == "style" and ("url(" in low or "@import" in low):
                problems.append("style=%r on <%s>" % (value, name))
            elif attr.startswith("on"):
                problems.append("%s= handler on <%s>" % (attr, name))
    if not charset:
        problems.append('no <meta charset="utf-8"/>')
    if not style:
        problems.append("no <style>")
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
