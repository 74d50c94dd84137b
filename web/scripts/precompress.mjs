// After `vite build`: writes FILE.gz and FILE.br beside each compressible file of dist/, at the
// highest levels (done once per build, not per request). The server sends one of them when the
// client accepts its coding (src/http/static_files.cpp). Node's own zlib: no package needed.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.ico', '.xml', '.webmanifest'])
const MIN_SIZE = 1024 // as the server's kCompressMin: below it the framing outweighs the saving

const dist = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist')

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) yield* files(p)
    else if (e.isFile()) yield p
  }
}

let plain = 0, gz = 0, br = 0, count = 0
for (const file of [...files(dist)]) {
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue
  const data = fs.readFileSync(file)
  if (data.length < MIN_SIZE) continue
  const g = zlib.gzipSync(data, { level: 9 })
  const b = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  })
  // A coding that saves nothing is not written: the plain file is sent instead.
  if (g.length < data.length) fs.writeFileSync(file + '.gz', g)
  if (b.length < data.length) fs.writeFileSync(file + '.br', b)
  plain += data.length; gz += g.length; br += b.length; count++
}
const kB = (n) => (n / 1024).toFixed(1) + ' kB'
console.log(`precompress: ${count} files, ${kB(plain)} → gzip ${kB(gz)}, brotli ${kB(br)}`)
