// The cells of an XLSX's first sheet written as inline strings (as src/ingest/table_file.cpp
// writes them), read by Python's zipfile and a regex: a reader independent of the product's.
// Rows are padded to `width` cells (default: each row as wide as its last cell).
import { execFileSync } from 'node:child_process';

const SCRIPT = `
import json, re, sys, zipfile, html
sheet = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
width = int(sys.argv[2])
def col(ref):
    n = 0
    for ch in re.match('[A-Z]+', ref).group(0): n = n * 26 + ord(ch) - 64
    return n - 1
rows = []
for row in re.findall(r'<row [^>]*>(.*?)</row>', sheet):
    out = {}
    for ref, text in re.findall(r'<c r="([A-Z]+)\\d+" t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', row):
        out[col(ref)] = html.unescape(text)
    w = width if width > 0 else (max(out) + 1 if out else 0)
    rows.append([out.get(i, '') for i in range(w)])
print(json.dumps(rows, ensure_ascii=False))`;

export function xlsxInlineCells(file, width = 0) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', SCRIPT, file, String(width)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
}
