// The weight of a first visit (issue 9, items 19 and 20): every response's transferred size,
// as Chromium reports it, for the login page opened cold, the first dashboard reached by
// logging in, and that dashboard opened cold by a logged-in user (a bookmark). Each stays under
// 500 kB transferred; scripts, styles and JSON arrive compressed. Prints the numbers (they are
// in docs/performance.md). Also: no /favicon.ico 404, no request left aborted by logout.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, openBrowser, login } from './helpers.mjs'

const LIMIT = 500 * 1024
const COMPRESS_MIN = 1024 // the server's kCompressMin: smaller answers are sent as they are
const AS_OF = '2026-06-15'

/** Collects the responses of one stretch of browsing; rows() reads their sizes. */
function record(page) {
  const responses = []
  const failed = []
  const onResponse = (r) => responses.push(r)
  const onFailed = (r) => failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`)
  page.on('response', onResponse)
  page.on('requestfailed', onFailed)
  return {
    failed,
    async rows() {
      page.off('response', onResponse)
      page.off('requestfailed', onFailed)
      const out = []
      for (const r of responses) {
        const sizes = await r.request().sizes()
        const body = await r.body().catch(() => null)
        const h = r.headers()
        out.push({
          path: new URL(r.url()).pathname,
          status: r.status(),
          type: (h['content-type'] ?? '').split(';')[0],
          encoding: h['content-encoding'] ?? '',
          transferred: sizes.responseHeadersSize + sizes.responseBodySize, // on the wire, encoded
          encoded: sizes.responseBodySize,
          decoded: body ? body.length : 0,
        })
      }
      return out
    },
  }
}

const kB = (n) => (n / 1024).toFixed(1) + ' kB'
const total = (rows, key) => rows.reduce((s, r) => s + r[key], 0)

function report(name, rows) {
  const t = total(rows, 'transferred'), d = total(rows, 'decoded')
  console.log(`# ${name}: ${rows.length} responses, ${kB(t)} transferred (${kB(d)} uncompressed)`)
  for (const r of [...rows].sort((a, b) => b.transferred - a.transferred).slice(0, 8))
    console.log(`#   ${kB(r.transferred).padStart(9)} ${(r.encoding || '-').padEnd(4)} ${kB(r.decoded).padStart(9)}  ${r.status} ${r.path}`)
  return t
}

function assertCompressed(rows) {
  const text = /^(text\/javascript|application\/javascript|text\/css|application\/json)$/
  for (const r of rows) {
    if (r.status !== 200 || !text.test(r.type) || r.decoded < COMPRESS_MIN) continue
    assert.ok(['br', 'gzip'].includes(r.encoding), `${r.path} (${r.type}, ${r.decoded} B) came ${r.encoding || 'uncompressed'}`)
    assert.ok(r.encoded < r.decoded, `${r.path}: ${r.encoded} B on the wire for ${r.decoded} B`)
    if (r.type === 'application/json') assert.equal(r.encoding, 'gzip', r.path)
  }
}

// Nothing but the anonymous GET /me of the login page (401: nobody is logged in yet) may fail.
function assertNoErrors(rows, allowed = []) {
  const bad = rows.filter((r) => r.status >= 400 && !allowed.includes(`${r.status} ${r.path}`))
  assert.deepEqual(bad.map((r) => `${r.status} ${r.path}`), [])
}

async function dashboardShown(page) {
  await page.waitForURL('**/do/progress**')
  await page.locator('[data-test=progress-table] .el-table__body tbody tr').first().waitFor()
  await page.locator('[data-test=progress-chart] canvas').waitFor()
  await page.waitForLoadState('networkidle')
}

test('first load of the login page and of the first dashboard: ≤ 500 kB each, compressed', async () => {
  const b = await openBrowser()
  const { page, context } = b
  try {
    let rec = record(page)
    await page.goto(BASE_URL + '/login')
    await page.locator('[data-test=login-submit]').waitFor()
    await page.waitForLoadState('networkidle')
    const loginRows = await rec.rows()
    const loginKB = report('login page, cold', loginRows)
    assertNoErrors(loginRows, ['401 /api/v1/me'])
    assertCompressed(loginRows)
    assert.ok(loginKB <= LIMIT, `login page ${kB(loginKB)} > ${kB(LIMIT)}`)
    assert.ok(!loginRows.some((r) => r.path.includes('echarts') || r.path.includes('EChart')), 'no chart code on the login page')

    rec = record(page)
    await login(page, 'executive')
    await dashboardShown(page)
    const afterRows = await rec.rows()
    const afterKB = report('first dashboard after logging in (login page loaded)', afterRows)
    assertNoErrors(afterRows, ['401 /api/v1/me'])
    assertCompressed(afterRows)
    assert.ok(afterKB <= LIMIT, `dashboard after login ${kB(afterKB)} > ${kB(LIMIT)}`)
    assert.deepEqual(rec.failed, [])

    // The same dashboard opened cold by a logged-in user: nothing in the cache.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    rec = record(page)
    await page.reload()
    await dashboardShown(page)
    const coldRows = await rec.rows()
    const coldKB = report('first dashboard, cold', coldRows)
    assertNoErrors(coldRows)
    assertCompressed(coldRows)
    assert.ok(coldKB <= LIMIT, `dashboard cold ${kB(coldKB)} > ${kB(LIMIT)}`)
    assert.deepEqual(rec.failed, [])

    // The year answers of D2 and D4 on this demo, gzip and not (Content-Length is what was sent).
    for (const path of [`/api/v1/do/process?period=2026&as_of=${AS_OF}`, `/api/v1/do/leaderboard?period=2026&as_of=${AS_OF}`]) {
      const gz = await page.request.get(BASE_URL + path, { headers: { 'Accept-Encoding': 'gzip' } })
      const plain = await page.request.get(BASE_URL + path, { headers: { 'Accept-Encoding': 'identity' } })
      assert.equal(gz.status(), 200, path)
      assert.equal(gz.headers()['content-encoding'], 'gzip', path)
      assert.equal(plain.headers()['content-encoding'], undefined, path)
      assert.deepEqual(await gz.json(), await plain.json(), path)
      const [g, p] = [Number(gz.headers()['content-length']), Number(plain.headers()['content-length'])]
      assert.ok(g < p / 3, `${path}: ${g} B gzip for ${p} B`)
      console.log(`# ${path}: ${kB(p)} → ${kB(g)} gzip`)
    }
  } finally {
    await b.close()
  }
})

test('favicon: the page names one, /favicon.ico answers; logout leaves no aborted request', async () => {
  const b = await openBrowser()
  const { page } = b
  try {
    const icons = []
    page.on('response', (r) => { if (/\/favicon\./.test(r.url())) icons.push(`${r.status()} ${new URL(r.url()).pathname}`) })
    await login(page, 'executive')
    await dashboardShown(page)
    assert.equal(await page.locator('link[rel=icon][type="image/svg+xml"]').getAttribute('href'), '/favicon.svg')
    assert.ok(icons.every((s) => s.startsWith('200 ')), icons.join(', '))
    const ico = await page.request.get(BASE_URL + '/favicon.ico')
    assert.equal(ico.status(), 200)
    assert.equal(ico.headers()['content-type'], 'image/x-icon')
    const bytes = await ico.body()
    assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 1, 0], 'an ICO header')

    const failed = []
    page.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`))
    await page.locator('[data-test=user-menu-trigger]').click()
    await page.locator('[data-test=logout]').click()
    await page.waitForURL('**/login**')
    await page.locator('[data-test=login-submit]').waitFor()
    await page.waitForLoadState('networkidle')
    assert.deepEqual(failed, [])
    const me = await page.request.get(BASE_URL + '/api/v1/me')
    assert.equal(me.status(), 401, 'the session is gone on the server')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
