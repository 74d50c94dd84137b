// P3 商机数量变化趋势分析 in the browser: each role opens the page and sees its scope's figures;
// clicking a stage of the funnel lists the opportunities that reached it (server pages, the
// customer opening its profile); the stage list CSV and the funnel XLSX equal the page;
// screenshots in zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const ready = async (page) => {
  await page.locator('[data-test=chart-funnel] canvas').waitFor()
  await page.waitForURL(/period=/)
  await noMask(page)
}
const num = (s) => Number(s.replace(/,/g, '').trim())

for (const role of ['executive', 'manager', 'rep'])
  test(`P3 ${role}: funnel, probabilities and the stage list of the scope`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await page.goto(BASE_URL + '/plan/funnel')
      await ready(page)
      const year = new URL(page.url()).searchParams.get('period')
      assert.match(year, /^\d{4}$/, 'the default period is the year')
      const api = await apiGet(page, `/plan/funnel?period=${year}`)
      assert.equal((await page.locator('[data-test=kpi-cohort]').innerText()).trim(), String(api.cohort.created))
      const rows = page.locator('[data-test=table-stages] .el-table__body tbody tr')
      assert.equal(await rows.count(), 6)
      for (let i = 0; i < 6; i++) assert.equal(num((await rows.nth(i).locator('td').allInnerTexts())[1]), api.stages[i].reached)
      for (const s of api.stages)
        assert.equal(await page.locator(`[data-test=basis-${s.stage}]`).count(), 1)
      const list = page.locator('[data-test=table-opportunities] [data-test=customer-name]')
      assert.equal(await list.count(), Math.min(20, api.opportunities.total))
      if (role === 'executive') await shot(page, 'p3-executive-1440-zh')
      // Clicking a stage lists the opportunities that reached it.
      await page.locator('[data-test=stage-proposal]').click()
      await page.waitForURL(/stage=proposal/)
      await noMask(page)
      const proposal = await apiGet(page, `/plan/funnel?period=${year}&stage=proposal`)
      assert.equal(proposal.opportunities.total, api.stages[2].reached)
      assert.equal(await list.count(), Math.min(20, proposal.opportunities.total))
      assert.match(await page.locator('[data-test=stage-list-title]').innerText(), new RegExp(`\\(${proposal.opportunities.total}\\)`))
      if (role === 'rep') {
        const ids = await list.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-customer-id'))))
        assert.deepEqual(ids, proposal.opportunities.rows.map((r) => r.customer.id))
        assert.ok(proposal.opportunities.rows.every((r) => r.rep.id === proposal.opportunities.rows[0].rep.id))
      }
      if (role === 'manager' && proposal.opportunities.total > 20) {
        await page.locator('[data-test=stage-list] .el-pagination .number', { hasText: '2' }).first().click()
        await page.waitForURL(/page=2/)
        await noMask(page)
        const second = await apiGet(page, `/plan/funnel?period=${year}&stage=proposal&page=2`)
        assert.equal(await list.count(), second.opportunities.rows.length)
        assert.equal(Number(await list.first().getAttribute('data-customer-id')), second.opportunities.rows[0].customer.id)
      }
      if (role === 'executive') {
        await page.locator('.header [data-test=lang-en]').click()
        await page.getByText('Opportunities and sales: this year against previous years').waitFor()
        await shot(page, 'p3-executive-1440-en')
        await page.locator('.header [data-test=lang-zh]').click()
        // A customer opens its profile.
        await list.first().locator('a').click()
        await page.waitForURL(/\/check\/customer\/\d+/)
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('P3 manager: the stage list CSV and the funnel XLSX equal the page', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/plan/funnel')
    await ready(page)
    await page.locator('[data-test=stage-won]').click()
    await page.waitForURL(/stage=won/)
    await noMask(page)
    const year = new URL(page.url()).searchParams.get('period')
    const api = await apiGet(page, `/plan/funnel?period=${year}&stage=won`)
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-opportunities-csv]').click()])
    const lines = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    assert.equal(lines.length - 1, api.opportunities.total)
    const shown = page.locator('[data-test=table-opportunities] .el-table__body tbody tr')
    for (let i = 0; i < Math.min(await shown.count(), lines.length - 1); i++) {
      const f = lines[i + 1].split(',')
      const name = (await shown.nth(i).locator('[data-test=customer-name]').innerText()).trim()
      assert.equal(f[1], name)
      assert.equal(f[0], String(api.opportunities.rows[i].id))
    }
    const [xl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-stages-xlsx]').click()])
    const sheet = XLSX.utils.sheet_to_json(XLSX.read(fs.readFileSync(await xl.path())).Sheets['商机漏斗'], { header: 1 })
    const rows = page.locator('[data-test=table-stages] .el-table__body tbody tr')
    assert.equal(sheet.length - 1, await rows.count())
    for (let i = 0; i < sheet.length - 1; i++) {
      const cells = await rows.nth(i).locator('td').allInnerTexts()
      assert.equal(cells[0].trim(), sheet[i + 1][0])
      assert.equal(num(cells[1]), sheet[i + 1][1])
    }
  } finally {
    await b.close()
  }
})

test('P3 phone 375 px: the page fits the screen (zh and en)', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'rep')
    await page.goto(BASE_URL + '/plan/funnel')
    await ready(page)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `P3 is ${overflow}px wider than the screen`)
    await shot(page, 'p3-rep-375-zh')
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await page.reload()
    await ready(page)
    await page.getByText('Weighted pipeline by expected close month').waitFor()
    await shot(page, 'p3-rep-375-en')
  } finally {
    await b.close()
  }
})
