"""Word documents (.docx): what the reader, the docx output format and --fix share.

- ``package``: opening a .docx safely (python-docx) and the parts that hold text:
  the body, headers and footers, footnotes and endnotes, comments;
- ``numbering``: the numbers Word's automatic list numbering shows (numbering.xml);
- ``extraction``: the text a Word user sees, one line per paragraph, table row,
  text box, header, footer or note, and for every character the XML node it
  came from (a ``TextMap``);
- ``runs``: cutting runs so that a span of that text is exactly a sequence of
  whole runs, formatting kept;
- ``comments``: a diagnostic as a Word comment (批注) on its span;
- ``revisions``: a fix as tracked changes (修订) by reportlint.
"""
