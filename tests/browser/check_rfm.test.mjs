// C2 客户价值分析 in the browser: each role opens the page, a segment drill lists only that
// segment (server-side), search narrows it, the segments export matches the page cell by cell;
// screenshots in zh-CN and en at 1440 and 375 px. Values come from the page or the API.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const ready = async (page) => { await page.locator('[data-test=chart-treemap] canvas').waitFor(); await noMask(page) }

for (const role of ['executive', 'manager', 'rep'])
  test(`C2 ${role}: the page shows the scope's segments; a segment drill lists its customers`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await page.goto(BASE_URL + '/check/rfm')
      await ready(page)
      const api = await apiGet(page, '/check/rfm')
      assert.equal((await page.locator('[data-test=kpi-scored]').innerText()).trim(), String(api.scored))
      assert.equal(await page.locator('[data-test=table-segments] .el-table__body tbody tr').count(), 8)
      const seg = api.segments.find((s) => s.customers > 0)
      await page.locator(`[data-test=segment-${seg.code}]`).click()
      await page.waitForURL(new RegExp(`segment=${seg.code}`))
      await noMask(page)
      const rows = page.locator('[data-test=table-customers] [data-test=customer-name]')
      const drilled = await apiGet(page, `/check/rfm?segment=${seg.code}`)
      assert.equal(await rows.count(), drilled.customers.rows.length)
      assert.equal(await rows.first().getAttribute('data-customer-id'), String(drilled.customers.rows[0].id))
      assert.ok(drilled.customers.rows.every((r) => r.segment === seg.code))
      if (role === 'executive') {
        await shot(page, 'c2-executive-1440-zh')
        // Search by a part of the first name: every row holds it.
        const part = drilled.customers.rows[0].name.slice(0, 2)
        await page.locator('input[data-test=rfm-search], [data-test=rfm-search] input').fill(part)
        await page.waitForURL(/[?&]q=/)
        await noMask(page)
        for (const n of await rows.allInnerTexts()) assert.ok(n.includes(part), n)
        // The median split changes the thresholds shown.
        await page.locator('[data-test=threshold-median]').click()
        await page.waitForURL(/threshold=median/)
        await noMask(page)
        const med = await apiGet(page, '/check/rfm?threshold=median')
        assert.equal((await page.locator('[data-test=kpi-r]').innerText()).trim(), med.thresholds.r.toFixed(1))
        await page.locator('.header [data-test=lang-en]').click()
        await page.getByText('Eight segments').waitFor()
        await shot(page, 'c2-executive-1440-en')
        await page.locator('.header [data-test=lang-zh]').click()
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('C2 manager: the segments XLSX equals the page cell by cell', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/check/rfm')
    await ready(page)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-segments-xlsx]').click()])
    const wb = XLSX.read(fs.readFileSync(await download.path()))
    const sheet = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
    assert.equal(sheet[0][0], '客户分群')
    const body = page.locator('[data-test=table-segments] .el-table__body tbody tr')
    const api = await apiGet(page, '/check/rfm')
    for (let i = 0; i < 8; i++) {
      const cells = await body.nth(i).locator('td').allInnerTexts()
      assert.ok(cells[0].includes(sheet[i + 1][0]), `${cells[0]} vs ${sheet[i + 1][0]}`)
      assert.equal(Number(cells[1].replace(/,/g, '')), sheet[i + 1][1])
      assert.equal(sheet[i + 1][3], api.segments[i].amount / 100, 'amount in yuan')
      assert.equal(cells[5].trim(), sheet[i + 1][5])
    }
  } finally {
    await b.close()
  }
})

test('C2 phone 375 px: the page fits the screen (zh and en)', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'rep')
    await page.goto(BASE_URL + '/check/rfm')
    await ready(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `C2 is ${overflow}px wider than the screen`)
    await shot(page, 'c2-rep-375-zh')
    // The phone header folds the language switch away: choose English as the app stores it.
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await page.reload()
    await ready(page)
    await page.getByText('Eight segments').waitFor()
    await shot(page, 'c2-rep-375-en')
  } finally {
    await b.close()
  }
})
