// P1 市场规模及占有率分析 and P2 同行业同类型竞品分析 in the browser: each role opens both pages
// and sees the API's figures; the trend switches to 12 months; clicking a category focuses its
// detail; the exports are checked against the page's API answer; screenshots in zh-CN and en at
// 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const Q = 'period=2026&as_of=2026-06-15'
const pct2 = (v) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`)

async function open(page, path, chart, query = Q) {
  await page.goto(`${BASE_URL}/plan/${path}?${query}`)
  await page.locator(`[data-test=page-plan-${path}] [data-test=${chart}] canvas`).waitFor()
  await noMask(page)
}

async function noOverflow(page, sel) {
  const overflow = await page.evaluate((s) => {
    const el = document.querySelector(s)
    return Math.max(el.scrollWidth - el.clientWidth, el.getBoundingClientRect().right - window.innerWidth)
  }, sel)
  assert.ok(overflow <= 1, `no horizontal overflow of ${sel} at 375 px (${overflow})`)
}

// zh at 1440 (every role), en at 1440 and both languages at 375 px (executive and manager).
async function shots(page, name, role, enText, zhText) {
  await shot(page, `${name}-${role}-1440-zh`)
  if (role === 'rep') return
  await page.locator('.header [data-test=lang-en]').click()
  await page.getByText(enText).first().waitFor()
  await shot(page, `${name}-${role}-1440-en`)
  for (const lang of ['en', 'zh']) {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.waitForTimeout(1000)  // charts follow the new width
    await noOverflow(page, `[data-test=page-plan-${name === 'p1' ? 'market' : 'competitors'}]`)
    await shot(page, `${name}-${role}-375-${lang}`)
    await page.setViewportSize({ width: 1440, height: 900 })
    if (lang === 'en') {
      await page.locator('.header [data-test=lang-zh]').click()
      await page.getByText(zhText).first().waitFor()
    }
  }
}

for (const role of ['executive', 'manager', 'rep']) {
  test(`P1 and P2 ${role}: the pages show the API's figures; screenshots`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await open(page, 'market', 'chart-heat')
      const m = await apiGet(page, `/plan/market?${Q}`)
      assert.equal(await page.locator('[data-test=kpi-share-value]').innerText(), pct2(m.totals.share))
      assert.equal(await page.locator('[data-test=kpi-opps-value]').innerText(), String(m.opportunities.count))
      const rows = page.locator('[data-test=table-regions] .el-table__body-wrapper tbody tr')
      assert.equal(await rows.count(), m.regions.length)
      assert.ok((await rows.first().innerText()).includes(m.regions[0].name))
      await shots(page, 'p1', role, 'Share by industry × region', '行业 × 大区 占有率')

      await open(page, 'competitors', 'chart-entrants')
      const c = await apiGet(page, `/plan/competitors?${Q}`)
      assert.equal(await page.locator('[data-test=focus-name]').innerText(), c.focus.name)
      assert.equal(await page.locator('[data-test=own-rank]').innerText(), String(c.categories[0].own_rank))
      const cats = page.locator('[data-test=table-categories] .el-table__body-wrapper tbody tr')
      assert.equal(await cats.count(), c.categories.length)
      await shots(page, 'p2', role, 'Our flagship products', '本公司主打产品')
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })
}

test('P1 manager: the 12-month trend and the industries file', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await open(page, 'market', 'chart-trend')
    await page.locator('[data-test=trend-months] label, [data-test=trend-months] .el-radio-button').filter({ hasText: '12' }).first().click()
    await page.waitForURL(/trend_months=12/)
    await noMask(page)
    const m = await apiGet(page, `/plan/market?${Q}&trend_months=12`)
    assert.equal(m.trend.length, 12)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-industries-xlsx]').click()])
    const wb = XLSX.read(fs.readFileSync(await download.path()))
    const sheet = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    assert.equal(sheet[0][0], '行业')
    assert.equal(sheet.length - 1, m.industries.length)
    m.industries.forEach((x, i) => {
      assert.equal(sheet[i + 1][0], x.name)
      assert.equal(sheet[i + 1][2], x.now.own / 100, `${x.name} own sales in yuan`)
    })
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('P2 executive: clicking a category focuses it; the entrants file matches', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await open(page, 'competitors', 'chart-entrants')
    const all = await apiGet(page, `/plan/competitors?${Q}`)
    const target = all.categories[2].name
    await page.locator('[data-test=table-categories] .el-table__body-wrapper tbody tr').nth(2).click()
    await page.waitForURL(/category=/)
    await page.locator('[data-test=focus-name]', { hasText: target }).waitFor()
    await noMask(page)
    const c = await apiGet(page, `/plan/competitors?${Q}&category=${encodeURIComponent(target)}`)
    const rows = page.locator('[data-test=table-entrants] .el-table__body-wrapper tbody tr')
    assert.equal(await rows.count(), c.focus.entrants.length)
    await shot(page, 'p2-executive-focus-zh')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-entrants-xlsx]').click()])
    const wb = XLSX.read(fs.readFileSync(await download.path()))
    const sheet = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    assert.equal(sheet.length - 1, c.focus.entrants.length)
    c.focus.entrants.forEach((e, i) => {
      assert.equal(sheet[i + 1][0], e.rank)
      assert.equal(sheet[i + 1][1], e.own ? '本公司' : e.name)
      assert.equal(sheet[i + 1][3], e.sales / 100)
    })
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
