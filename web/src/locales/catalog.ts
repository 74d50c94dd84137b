// The labels of result tables (sheets, columns, units, coded values) come from the server's
// message catalogue, src/present/catalog.json — one file, compiled into the server for the
// downloads and imported here as the `tables.*` messages, so a column reads the same on the
// page and in the XLSX/CSV file.
import catalog from '../../../src/present/catalog.json'
import type { Locale } from '../utils/format'

type Leaf = Record<Locale, string>
type Catalog = Record<string, Record<string, Leaf>>

export function catalogMessages(locale: Locale): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {}
  for (const [group, keys] of Object.entries(catalog as Catalog)) {
    out[group] = {}
    for (const [key, texts] of Object.entries(keys)) out[group][key] = texts[locale]
  }
  return out
}
