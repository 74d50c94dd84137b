// P6 目标建议 in the browser: a manager opens the page from the menu for one of their reps,
// reads the API's figures on the cards, 采纳 opens the target grid prefilled with the split by
// month, saves, and the grid and the audit (来自目标建议) show it; the executive's company page
// in zh-CN and en at 1440 and 375 px (no horizontal overflow); a rep sees their own suggestion
// without 采纳; the evidence table exports as XLSX with the page's figures. Also P4's model
// column (FinanceForecast.vue's #cell-model slot) names the model of every line.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'
import { as } from '../support/client.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const Q = 'as_of=2026-06-15&period=2026-Q3'
const wan = (fen) => String(Number((fen / 1e6).toFixed(6)))

async function open(page, query) {
  await page.goto(`${BASE_URL}/plan/suggestion?${query}`)
  await page.locator('[data-test=page-plan-suggestion] [data-test=chart-p6] canvas').waitFor()
  await noMask(page)
}
async function overflow(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-test=page-plan-suggestion]')
    return Math.max(el.scrollWidth - el.clientWidth, el.getBoundingClientRect().right - window.innerWidth)
  })
}

test('P6 manager: 采纳 puts the suggestion into the target grid, saved and audited as a suggestion', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  const api = await as('manager')
  const rep = (await api.get(`/api/v1/plan/suggestion?${Q}`)).json.options.reps.find((r) => r.active)
  const before = (await api.get(`/api/v1/targets/grid?year=2026&metric=sales&owner=rep&region=${rep.region}`)).json.rows.find((r) => r.id === rep.id)
  try {
    await login(page, 'manager')
    await page.locator('[data-test=menu-plan-suggestion]').click()
    await page.locator('[data-test=page-plan-suggestion]').waitFor()
    await open(page, `${Q}&owner=rep:${rep.id}`)
    const s = await apiGet(page, `/plan/suggestion?${Q}&owner=rep:${rep.id}`)
    assert.equal(s.owner.id, rep.id)
    for (const e of s.evidence) {
      const card = page.locator(`[data-test=p6-evidence-${e.method}]`)
      if (e.mape !== null) assert.ok((await card.locator('[data-test=p6-mape]').innerText()).includes((e.mape * 100).toFixed(1)), e.method)
      if (e.used) assert.ok((await card.locator('[data-test=p6-weight]').innerText()).includes((e.weight * 100).toFixed(1)), e.method)
    }
    assert.equal(await page.locator('[data-test=table-p6-months] .el-table__body-wrapper tbody tr').count(), 3)
    await shot(page, 'p6-manager-1440-zh')
    await page.locator('[data-test=p6-accept]').click()
    await page.locator('[data-test=page-target-entry]').waitFor()
    await page.locator('[data-test=entry-prefilled]').waitFor()
    for (const m of s.split) {
      const month = Number(m.month.slice(5, 7))
      assert.equal(await page.locator(`[data-test=cell-${rep.id}-${month}]`).inputValue(), wan(m.value), m.month)
    }
    await shot(page, 'p6-manager-accepted-1440-zh')
    await page.locator('[data-test=save]').click()
    await page.locator('[data-test=no-changes]').waitFor()
    const grid = await apiGet(page, `/targets/grid?year=2026&metric=sales&owner=rep&region=${rep.region}`)
    const row = grid.rows.find((r) => r.id === rep.id)
    for (const m of s.split) assert.equal(row.values[Number(m.month.slice(5, 7)) - 1], m.value, `saved ${m.month}`)
    const audit = page.locator('[data-test=audit-table]')
    await audit.getByText('来自目标建议').first().waitFor()
    const entries = (await apiGet(page, `/targets/audit?year=2026&metric=sales&region=${rep.region}`)).entries
    for (const m of s.split) {
      const e = entries.find((x) => x.key === `${m.month}/sales/rep/${rep.id}`)
      if (before.values[Number(m.month.slice(5, 7)) - 1] !== m.value) assert.equal(e?.source, 'suggestion', m.month)
    }
    await shot(page, 'p6-manager-saved-1440-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
    // Put the rep's targets back as they were (other tests read the demo's targets).
    const cells = [7, 8, 9].map((month) => ({ id: rep.id, month, value: before.values[month - 1] }))
    await api.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'rep', region: rep.region, cells })
  }
})

test('P6 executive: the company\'s suggestion in zh-CN and en at 1440 and 375 px; the evidence exports', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await open(page, Q)
    const s = await apiGet(page, `/plan/suggestion?${Q}`)
    assert.equal(s.owner.kind, 'company')
    assert.ok(await page.locator('[data-test=p6-accept]').isDisabled(), 'no grid row for the company')
    await shot(page, 'p6-executive-1440-zh')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-evidence-xlsx]').click()])
    const wb = XLSX.read(fs.readFileSync(await download.path()))
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    assert.equal(rows[0][0], '依据')
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ['市场', '商机', '历史'])
    s.evidence.forEach((e, k) => assert.equal(rows[k + 1][1], e.value / 100, `${e.method} in yuan`))
    await page.locator('.header [data-test=lang-en]').click()
    await page.getByText('Evidence and weights').waitFor()
    await shot(page, 'p6-executive-1440-en')
    for (const lang of ['en', 'zh']) {
      await page.setViewportSize({ width: 375, height: 800 })
      await page.waitForTimeout(1000)
      const o = await overflow(page)
      assert.ok(o <= 1, `no horizontal overflow at 375 px (${o})`)
      await shot(page, `p6-executive-375-${lang}`)
      await page.setViewportSize({ width: 1440, height: 900 })
      if (lang === 'en') {
        await page.locator('.header [data-test=lang-zh]').click()
        await page.getByText('依据与权重').waitFor()
      }
    }
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('P6 rep: their own suggestion, without 采纳 (reps enter no targets)', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    const u = await login(page, 'rep')
    await open(page, Q)
    const s = await apiGet(page, `/plan/suggestion?${Q}`)
    assert.equal(s.owner.kind, 'rep')
    assert.ok(u.login)
    assert.ok(await page.locator('[data-test=p6-accept]').isDisabled())
    assert.equal(await page.locator('[data-test=page-plan-suggestion] [data-test=p6-evidence-history]').count(), 1)
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('P4 model column: every line names its model (Holt-Winters or its alternative)', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await page.goto(`${BASE_URL}/plan/finance?as_of=2026-06-15`)
    await page.locator('[data-test=table-p4-models] [data-test=p4-model]').first().waitFor()
    const api = await apiGet(page, '/plan/finance?as_of=2026-06-15')
    const names = { holt_winters: 'Holt-Winters 加法季节', trend_seasonal_naive: '线性趋势 + 季节朴素' }
    const shown = await page.locator('[data-test=table-p4-models] .el-table__body-wrapper tbody tr td:nth-child(2)').allInnerTexts()
    assert.deepEqual(shown.map((x) => x.trim()), api.lines.map((l) => names[l.model]))
    await page.locator('.header [data-test=lang-en]').click()
    await page.getByText('Rest-of-year forecast').waitFor()
    const en = await page.locator('[data-test=table-p4-models] [data-test=p4-model]').allInnerTexts()
    assert.ok(en.every((x) => /Holt-Winters|Linear trend \+ seasonal naive/.test(x)), en.join())
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
