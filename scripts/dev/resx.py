#!/usr/bin/env python3
"""Writes a .resx file from a TSV of key<TAB>value lines (values may use \\n for new lines).
Usage: resx.py input.tsv output.resx   (a developer helper; the .resx files are the source of truth in git)."""
import sys
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
out = [HEADER]
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    key, value = line.split("\t", 1)
    value = value.replace("\\n", "\n")
    out.append(f'  <data name="{key}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
out.append("</root>\n")
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
