// C3 客户分级流失分析 in the browser: each role opens the page; the month grain redraws the
// flow; the at-risk filter lists only at-risk key accounts with their reasons; the flow CSV and
// the reasons XLSX match the page; screenshots in zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const ready = async (page) => { await page.locator('[data-test=chart-flow] canvas').waitFor(); await noMask(page) }

for (const role of ['executive', 'manager', 'rep'])
  test(`C3 ${role}: flow, classes, key accounts and reasons of the scope`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await page.goto(BASE_URL + '/check/churn')
      await ready(page)
      const api = await apiGet(page, '/check/churn')
      assert.equal(await page.locator('[data-test=table-flow] .el-table__body tbody tr').count(), api.flow.length)
      assert.equal((await page.locator('[data-test=kpi-churned]').innerText()).trim(), String(api.flow.at(-1).churned))
      const ka = page.locator('[data-test=table-key-accounts] [data-test=customer-name]')
      assert.equal(await ka.count(), api.key_accounts.rows.length)
      if (role === 'executive') {
        await shot(page, 'c3-executive-1440-zh')
        await page.locator('[data-test=grain-month]').click()
        await page.waitForURL(/grain=month/)
        await noMask(page)
        assert.equal(await page.locator('[data-test=table-flow] .el-table__body tbody tr').count(), 12)
        await page.locator('[data-test=only-at-risk]').click()
        await page.waitForURL(/risk=at_risk/)
        await noMask(page)
        const risky = await apiGet(page, '/check/churn?grain=month&risk=at_risk')
        assert.equal(await ka.count(), risky.key_accounts.rows.length)
        if (risky.key_accounts.rows.length) assert.ok(await page.locator('[data-test=table-key-accounts] [data-test^=risk-]').count() >= risky.key_accounts.rows.length)
        await page.locator('[data-test=dim-region]').click()
        assert.equal(await page.locator('[data-test=table-reasons-cross] .el-table__body tbody tr').count(), risky.reasons.region.rows.length)
        await page.locator('.header [data-test=lang-en]').click()
        await page.getByText('Key-account watch (class A)').waitFor()
        await shot(page, 'c3-executive-1440-en')
        await page.locator('.header [data-test=lang-zh]').click()
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('C3 manager: the reasons XLSX and the flow CSV equal the page', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/check/churn')
    await ready(page)
    const [xl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-reasons-xlsx]').click()])
    const sheet = XLSX.utils.sheet_to_json(XLSX.read(fs.readFileSync(await xl.path())).Sheets['流失原因'], { header: 1 })
    const body = page.locator('[data-test=table-reasons] .el-table__body tbody tr')
    assert.equal(await body.count(), sheet.length - 1)
    for (let i = 0; i < sheet.length - 1; i++) {
      const cells = await body.nth(i).locator('td').allInnerTexts()
      assert.equal(cells[0].trim(), sheet[i + 1][0])
      assert.equal(Number(cells[1].replace(/,/g, '')), sheet[i + 1][1])
      assert.equal(cells[3].trim(), sheet[i + 1][3])
    }
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-flow-csv]').click()])
    const lines = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    const rows = page.locator('[data-test=table-flow] .el-table__body tbody tr')
    assert.equal(lines.length - 1, await rows.count())
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i].split(',')
      const cells = await rows.nth(i - 1).locator('td').allInnerTexts()
      assert.equal(f[0], cells[0].trim())
      assert.equal(f[1], cells[1].replace(/,/g, '').trim())
      assert.equal(f[5], cells[5].replace(/,/g, '').trim())
    }
  } finally {
    await b.close()
  }
})

test('C3 phone 375 px: the page fits the screen (zh and en)', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'rep')
    await page.goto(BASE_URL + '/check/churn')
    await ready(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `C3 is ${overflow}px wider than the screen`)
    await shot(page, 'c3-rep-375-zh')
    // The phone header folds the language switch away: choose English as the app stores it.
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await page.reload()
    await ready(page)
    await page.getByText('Key-account watch (class A)').waitFor()
    await shot(page, 'c3-rep-375-en')
  } finally {
    await b.close()
  }
})
