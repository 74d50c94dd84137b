// Phones and money units (issue 9, items 7 and 17):
//  - at 375 px no table on D2, D3 and the C pages scrolls sideways (each is a card list), while
//    at 1440 px they stay tables; the server's paging still pages a table shown as cards;
//  - a money card and the lines under it share one unit: D3's summary (target beside 日均需完成)
//    and D2's cards (amount beside target), with the unit the rule in docs/metrics.md gives.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, apiGet, login, openBrowser, shot } from './helpers.mjs'

const AS_OF = '2026-06-15'
const MONTH = '2026-06'
const PAGES = [
  `/do/process?period=${MONTH}`, `/do/progress?period=${MONTH}`, `/do/progress?period=${MONTH}&level=rep&region=2`,
  '/check/review', '/check/rfm', '/check/churn', '/check/products',
]

async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null))
}

/** The visible kit tables: how many, how many as cards, and those that scroll sideways. */
function tables(page) {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll('.data-table')].filter((t) => t.offsetParent !== null)
    const name = (t) => t.querySelector('[data-test]')?.getAttribute('data-test') ?? '?'
    return {
      count: shown.length,
      cards: shown.filter((t) => t.querySelector(':scope > .cards')).length,
      sideways: shown.filter((t) => [...t.querySelectorAll('.el-table__body-wrapper, .el-table__body-wrapper .el-scrollbar__wrap')]
        .some((w) => w.scrollWidth > w.clientWidth + 1)).map(name),
    }
  })
}

test('375 px: the D2, D3 and C tables are card lists; 1440 px: tables; none scrolls sideways', async () => {
  for (const width of [375, 1440]) {
    const b = await openBrowser({ width, height: 812 })
    const { page } = b
    try {
      await login(page, 'executive')
      const review = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}`)
      const customer = review.blockers.customers.rows[0].id
      for (const url of [...PAGES, `/check/customer/${customer}?as_of=${AS_OF}`]) {
        await page.goto(BASE_URL + url)
        await settled(page)
        const m = await tables(page)
        assert.ok(m.count > 0, `${url}: a table`)
        assert.deepEqual(m.sideways, [], `${url} at ${width} px: tables scrolling sideways`)
        assert.equal(m.cards, width === 375 ? m.count : 0, `${url} at ${width} px: cards`)
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  }
})

test('375 px: D2 rep cards still page on the server', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'executive')
    // The small demo has fewer reps than a page: the answer is made to say there are 3 pages.
    await page.route((url) => url.pathname === '/api/v1/do/process', async (route) => {
      const res = await route.fetch()
      const body = await res.json()
      await route.fulfill({ response: res, json: { ...body, reps_total: body.reps_page_size * 3 } })
    })
    await page.goto(`${BASE_URL}/do/process?period=${MONTH}`)
    await settled(page)
    const reps = page.locator('[data-test=table-reps]')
    assert.ok(await reps.locator('[data-test=card]').count() > 0, 'rep cards')
    const pager = page.locator('.el-card:has([data-test=table-reps]) .el-pagination')
    const [req] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/api/v1/do/process') && new URL(r.url()).searchParams.get('reps_page') === '2'),
      pager.locator('.el-pager li', { hasText: /^2$/ }).click(),
    ])
    assert.ok(req)
    await page.waitForURL(/reps_page=2/)
    await settled(page)
    assert.equal(await page.locator('[data-test=table-reps].cards, .cards[data-test=table-reps]').count(), 1, 'still cards on page 2')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

// The unit rule of docs/metrics.md "Money on screen", written again: 万元 when the largest
// figure is at least 1万 yuan (zh-CN), K yuan when at least 1,000 yuan (en), else yuan.
const UNIT = {
  'zh-CN': (maxFen) => (maxFen >= 1e6 ? { label: '万元', div: 1e6, digits: 1, suffix: '万' } : { label: '元', div: 100, digits: 2, suffix: '' }),
  en: (maxFen) => (maxFen >= 1e5 ? { label: 'K yuan', div: 1e5, digits: 1, suffix: 'K' } : { label: 'yuan', div: 100, digits: 2, suffix: '' }),
}
const number = (fen, u) => (fen / u.div).toLocaleString('en-US', { minimumFractionDigits: u.digits, maximumFractionDigits: u.digits })

for (const locale of ['zh-CN', 'en']) {
  test(`${locale}: a money card and its lines share one unit (D3 summary, D2 cards)`, async () => {
    const b = await openBrowser({ width: 375, height: 812 })
    const { page } = b
    try {
      await login(page, 'executive')
      await page.evaluate((l) => localStorage.setItem('salesloop.locale', l), locale)

      const progress = await apiGet(page, `/do/progress?period=${MONTH}&as_of=${AS_OF}&level=region&metric=sales`)
      const p = progress.parent
      assert.ok(p.required_daily > 0, 'the month still needs a daily rate')
      const u = UNIT[locale](Math.max(...[p.target, p.actual, p.required_daily, p.projected].filter((x) => x !== null).map(Math.abs)))
      await page.goto(`${BASE_URL}/do/progress?period=${MONTH}&as_of=${AS_OF}`)
      await page.locator('[data-test=summary-card]').waitFor()
      await settled(page)
      const tile = (k) => page.locator(`[data-test=summary-${k}] .kpi-value`)
      const unitOf = (k) => page.locator(`[data-test=summary-${k}] [data-test=kpi-unit]`).innerText()
      assert.equal(await unitOf('target'), u.label)
      assert.equal(await unitOf('required_daily'), u.label, '日均需完成 in the unit of the target')
      assert.equal((await tile('required_daily').innerText()).trim(), number(p.required_daily, u) + u.label)
      assert.equal((await tile('target').innerText()).trim(), number(p.target, u) + u.label)
      await shot(page, `narrow-d3-summary-${locale}`)

      const process = await apiGet(page, `/do/process?period=${MONTH}&as_of=${AS_OF}`)
      const sales = process.totals.find((m) => m.metric === 'sales')
      const su = UNIT[locale](Math.max(Math.abs(sales.amount), Math.abs(sales.target ?? 0)))
      await page.goto(`${BASE_URL}/do/process?period=${MONTH}&as_of=${AS_OF}`)
      await settled(page)
      const card = page.locator('[data-test=kpi-sales]')
      assert.equal(await card.locator('[data-test=kpi-unit]').innerText(), su.label)
      assert.ok((await card.locator('.kpi-row').first().innerText()).includes(number(sales.target, su) + su.suffix), 'the target in the amount\'s unit')
      await shot(page, `narrow-d2-cards-${locale}`)
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })
}
