// P4 营业收入各项指标分析 in the browser: the executive and the admin open the page (KPIs, charts,
// tables from the API's answer), pick another line for the forecast, export the monthly table
// (checked cell by cell against the API); a manager and a rep have no menu entry and get the
// 403 page. Screenshots in zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const Q = 'as_of=2026-06-15'

async function open(page) {
  await page.goto(`${BASE_URL}/plan/finance?${Q}`)
  await page.locator('[data-test=page-plan-finance] [data-test=chart-p4-matrix] canvas').waitFor()
  await noMask(page)
}

async function overflow(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-test=page-plan-finance]')
    return Math.max(el.scrollWidth - el.clientWidth, el.getBoundingClientRect().right - window.innerWidth)
  })
}

for (const role of ['executive', 'admin']) {
  test(`P4 ${role}: the page shows the API's figures; another line's forecast; screenshots`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await page.locator('[data-test=menu-group-plan]').click()
      await page.locator('[data-test=menu-plan-finance]').waitFor()
      await open(page)
      const api = await apiGet(page, `/plan/finance?${Q}`)
      // The broken-pairs KPI and the tables hold the API's rows.
      assert.ok((await page.locator('[data-test=kpi-p4-broken]').innerText()).includes(String(api.correlation.broken)))
      const months = page.locator('[data-test=table-p4-months] .el-table__body-wrapper tbody tr')
      assert.equal(await months.count(), Math.min(12, api.months.length), 'a year a page')
      assert.ok((await months.first().innerText()).includes(api.months.at(-1).month), 'newest month first')
      if (api.months.length > 12) {
        await page.locator('.data-table:has([data-test=table-p4-months]) .el-pagination .btn-next').click()
        await page.waitForFunction((m) => document.querySelector('[data-test=table-p4-months] .el-table__body-wrapper tbody tr')?.textContent.includes(m),
          api.months.at(-13).month)
        await page.locator('.data-table:has([data-test=table-p4-months]) .el-pagination .btn-prev').click()
      }
      const models = page.locator('[data-test=table-p4-models] .el-table__body-wrapper tbody tr')
      assert.equal(await models.count(), 8)
      const mape = (api.lines[0].backtest.mape * 100).toFixed(1)
      assert.ok((await models.first().innerText()).includes(mape + '%'), `revenue MAPE ${mape}% shown`)
      assert.equal(await page.locator('[data-test=p4-broken-pair]').count(), api.correlation.broken)
      await shot(page, `p4-${role}-1440-zh`)
      // Another line: the caption names it with its model and backtest error.
      await page.locator('[data-test=p4-line]').click()
      await page.locator('[data-test=p4-line-operating_profit]').click()
      const op = api.lines.find((l) => l.code === 'operating_profit')
      await page.waitForFunction((m) => document.querySelector('[data-test=p4-line-model]')?.textContent.includes(m),
        (op.backtest.mape * 100).toFixed(1) + '%')
      assert.ok((await page.locator('[data-test=p4-line-model]').innerText()).includes('营业利润'))
      if (role === 'executive') {
        await page.locator('.header [data-test=lang-en]').click()
        await page.getByText('Rest-of-year forecast').waitFor()
        await shot(page, 'p4-executive-1440-en')
        for (const lang of ['en', 'zh']) {
          await page.setViewportSize({ width: 375, height: 800 })
          await page.waitForTimeout(1000)  // charts follow the new width
          const o = await overflow(page)
          assert.ok(o <= 1, `no horizontal overflow of the page at 375 px (${o})`)
          await shot(page, `p4-executive-375-${lang}`)
          await page.setViewportSize({ width: 1440, height: 900 })
          if (lang === 'en') {
            await page.locator('.header [data-test=lang-zh]').click()
            await page.getByText('本年剩余月份预测').waitFor()
          }
        }
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })
}

test('P4 executive: the monthly table exports as XLSX with the API\'s figures', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await open(page)
    const api = await apiGet(page, `/plan/finance?${Q}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-months-xlsx]').click()])
    const wb = XLSX.read(fs.readFileSync(await download.path()))
    const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    assert.equal(rows[0][0], '月份')
    assert.ok(String(rows[0][1]).startsWith('营业收入'))
    assert.equal(rows.length - 1, api.months.length)
    for (const i of [0, api.months.length - 1]) {
      const m = api.months[i]
      assert.equal(rows[i + 1][0], m.month)
      assert.equal(rows[i + 1][1], m.revenue / 100, `${m.month} revenue in yuan`)
      assert.equal(rows[i + 1][8], m.operating_profit / 100, `${m.month} operating profit in yuan`)
    }
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

for (const role of ['manager', 'rep']) {
  test(`P4 ${role}: no menu entry, and the page is refused`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      assert.equal(await page.locator('[data-test=menu-plan-finance]').count(), 0)
      await page.goto(`${BASE_URL}/plan/finance?${Q}`)
      await page.locator('[data-test=error-403]').waitFor()
      assert.equal(await page.locator('[data-test=page-plan-finance]').count(), 0)
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })
}
