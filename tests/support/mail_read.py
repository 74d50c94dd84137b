#!/usr/bin/env python3
"""Reads the .eml files a test SMTP server wrote (tests/support/smtp_server.py) with Python's
email module, independently of the server's MIME writer, and prints them as JSON: for each
message the headers, the decoded HTML body, the attachments (name, type, size) and the cells
of every XLSX attachment (read with the zipfile and xml modules).

usage: mail_read.py DIR"""
import email
import email.policy
import io
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def xlsx_cells(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rows = []
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = []
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            t = c.get("t")
            if t == "s":
                cells.append(shared[int(v.text)])
            elif t == "inlineStr":
                cells.append("".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])))
            elif v is None:
                cells.append(None)
            else:
                cells.append(float(v.text))
        rows.append(cells)
    return rows


def main():
    d = sys.argv[1]
    out = []
    for name in sorted(f for f in os.listdir(d) if f.endswith(".eml")):
        with open(os.path.join(d, name), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        item = {"file": name, "to": str(msg["To"]), "from": str(msg["From"]), "subject": str(msg["Subject"]),
                "message_id": str(msg["Message-ID"]), "html": None, "attachments": []}
        for part in msg.walk():
            if part.is_multipart():
                continue
            if part.get_content_type() == "text/html" and item["html"] is None:
                item["html"] = part.get_content()
                continue
            data = part.get_payload(decode=True)
            a = {"name": part.get_filename(), "type": part.get_content_type(), "bytes": len(data)}
            if part.get_content_type().endswith("spreadsheetml.sheet"):
                a["cells"] = xlsx_cells(data)
            item["attachments"].append(a)
        out.append(item)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
