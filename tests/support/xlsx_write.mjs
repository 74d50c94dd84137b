// A small XLSX workbook written by Python's zipfile (inline strings, one sheet), so a test can
// hand the import a spreadsheet with Chinese headers made without the product's own writer.
import { execFileSync } from 'node:child_process';

const SCRIPT = `
import json, sys, zipfile
from xml.sax.saxutils import escape
rows, path, sheet = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
body = ''.join('<row r="%d">%s</row>' % (n + 1, ''.join(
    '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(i), n + 1, escape(str(v))) for i, v in enumerate(r)))
    for n, r in enumerate(rows))
parts = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % escape(sheet),
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  'xl/worksheets/sheet1.xml': '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % body,
}
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items(): z.writestr(name, text)
`;

/** rows: arrays of cell texts, the header first. */
export function writeXlsx(rows, file, sheet = 'Sheet1') {
  execFileSync('/usr/bin/python3', ['-c', SCRIPT, JSON.stringify(rows), file, sheet]);
  return file;
}
