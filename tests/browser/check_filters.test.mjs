// The shared filter bar on C2 RFM, C3 churn and C4 products: each page holds the period, as_of,
// 大区, rep, industry, customer size and product category; choosing a size puts it
// in the URL and the page shows the API's figures for it; a reload keeps it; C2/C3 read as of
// the period's end. The customer profile shows its code and downloads its tables (the contract
// XLSX checked against the page). Screenshots zh-CN/en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const PAGES = [
  { name: 'c2', path: '/check/rfm', chart: 'chart-treemap', kpi: 'kpi-scored', value: (a) => String(a.scored), fields: ['industry', 'size', 'category'] },
  { name: 'c3', path: '/check/churn', chart: 'chart-flow', kpi: 'kpi-active', value: (a) => String(a.flow.at(-1).active), fields: ['industry', 'size', 'category'] },
  // C4's page defaults to the year (C2/C3 and the API to as_of's month).
  { name: 'c4', path: '/check/products', api: '?period=2026', chart: 'chart-quadrant', kpi: 'kpi-warnings', value: (a) => String(a.warnings_total), fields: ['industry', 'size', 'category'] },
]
const ready = async (page, p) => { await page.locator(`[data-test=${p.chart}] canvas`).waitFor(); await noMask(page) }
// The KPI's value: the element itself (value-test) or the value inside the card (data-test on the card).
async function kpi(page, p) {
  const el = page.locator(`[data-test=${p.kpi}]`).first()
  const inner = el.locator('.kpi-value')
  return ((await inner.count()) ? await inner.innerText() : await el.innerText()).trim()
}

async function pickSize(page, label) {
  await page.locator('[data-test=filter-size]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${label}$`) }).first().click()
  await page.waitForURL(/[?&]size=large/)
  await noMask(page)
}

for (const p of PAGES)
  test(`${p.name} executive: the shared filter bar; a size in the URL gives the API's figures`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, 'executive')
      await page.goto(BASE_URL + p.path)
      await ready(page, p)
      const bar = page.locator('[data-test=filter-bar]')
      assert.equal(await bar.locator('.ctl .el-date-editor').count(), 1, `${p.name} as_of`)
      for (const f of ['region', 'rep', ...p.fields]) assert.equal(await bar.locator(`[data-test=filter-${f}]`).count(), 1, `${p.name} filter ${f}`)
      assert.equal(await bar.locator('[data-test=period-picker]').count(), 1, `${p.name} period`)
      const q = p.api ?? '?period=2026-06'
      assert.equal(await kpi(page, p), p.value(await apiGet(page, p.path + q)))
      await pickSize(page, '大型客户')
      const sized = await apiGet(page, `${p.path}${q}&size=large`)
      assert.equal(await kpi(page, p), p.value(sized), `${p.name} KPI under size=large`)
      await page.reload()
      await ready(page, p)
      assert.match(page.url(), /size=large/)
      assert.equal(await kpi(page, p), p.value(sized), `${p.name} KPI after reload`)
      assert.equal((await bar.locator('[data-test=filter-size]').innerText()).includes('大型客户'), true)
      await shot(page, `${p.name}-filters-executive-1440-zh`)
      await page.locator('.header [data-test=lang-en]').click()
      await page.locator('[data-test=filter-size]', { hasText: 'Large' }).waitFor()
      await shot(page, `${p.name}-filters-executive-1440-en`)
      await page.locator('.header [data-test=lang-zh]').click()
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('C2/C3 category: a category in the URL shows its figures, picked in the bar too', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    const cat = encodeURIComponent('服务器')
    for (const p of PAGES.slice(0, 2)) {
      await page.goto(`${BASE_URL}${p.path}?category=${cat}`)
      await ready(page, p)
      const whole = await apiGet(page, `${p.path}?period=2026-06`)
      const api = await apiGet(page, `${p.path}?period=2026-06&category=${cat}`)
      assert.notEqual(p.value(api), p.value(whole), `${p.name}: the category narrows`)
      assert.equal(await kpi(page, p), p.value(api), `${p.name} KPI under the category`)
      assert.ok((await page.locator('[data-test=filter-category]').innerText()).includes('服务器'))
    }
    await shot(page, 'c3-category-executive-1440-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('C2/C3 period: a past quarter reads as of its last day', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/check/rfm?period=2025-Q4')
    await ready(page, PAGES[0])
    const api = await apiGet(page, '/check/rfm?period=2025-Q4')
    assert.equal(api.as_of, '2025-12-31')
    await page.getByText(`${api.window_first}`).first().waitFor()
    assert.equal(await kpi(page, PAGES[0]), String(api.scored))
    await page.goto(BASE_URL + '/check/churn?period=2025-Q4')
    await ready(page, PAGES[1])
    const churn = await apiGet(page, '/check/churn?period=2025-Q4')
    assert.equal(churn.flow.at(-1).period, '2025-Q4')
    assert.equal(await kpi(page, PAGES[1]), String(churn.flow.at(-1).active))
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

for (const [width, height] of [[1440, 900], [375, 812]])
  test(`customer profile ${width}px: code and downloads; the contracts XLSX equals the page`, async () => {
    const b = await openBrowser({ width, height })
    const { page } = b
    try {
      await login(page, 'rep')
      // The rep's most frequent buyer that they own (the profile opens their own customers only).
      const rows = (await apiGet(page, '/check/rfm?sort=frequency&page_size=50')).customers.rows
      let id = null
      for (const r of rows) if (!id && (await page.evaluate(async (u) => (await fetch(u)).status, `/api/v1/customers/${r.id}`)) === 200) id = r.id
      assert.ok(id, 'an own customer')
      await page.goto(BASE_URL + `/check/customer/${id}`)
      await page.locator('[data-test=profile-code]').waitFor()
      await noMask(page)
      const api = await apiGet(page, `/customers/${id}`)
      assert.equal((await page.locator('[data-test=profile-code]').innerText()).trim(), api.code)
      for (const t of ['contracts', 'lines', 'payments', 'opportunities'])
        assert.match(await page.locator(`[data-test=export-profile-${t}-csv]`).getAttribute('href'), new RegExp(`/api/v1/customers/${id}\\?.*table=${t}`))
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-profile-contracts-xlsx]').click()])
      const wb = XLSX.read(fs.readFileSync(await download.path()))
      const sheet = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
      assert.equal(sheet[0][0], '合同编号')
      assert.equal(sheet.length - 1, api.contracts_total)
      const body = page.locator('[data-test=profile-contracts] .el-table__body tbody tr')
      const n = Math.min(await body.count(), 5)
      for (let i = 0; i < n; i++) {
        const cells = await body.nth(i).locator('td').allInnerTexts()
        assert.equal(cells[0].trim(), sheet[i + 1][0], 'contract code')
        assert.equal(cells[1].trim(), sheet[i + 1][1], 'signed date')
        assert.equal(sheet[i + 1][3], api.contracts[i].amount / 100, 'amount in yuan')
      }
      if (width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 1, `the profile is ${overflow}px wider than the screen`)
      }
      await shot(page, `profile-rep-${width}-zh`)
      await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
      await page.reload()
      await page.getByText('Customer code').waitFor()
      await noMask(page)
      await shot(page, `profile-rep-${width}-en`)
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('C2/C3/C4 phone 375 px: the filter bar fits the screen', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'manager')
    for (const p of PAGES) {
      await page.goto(BASE_URL + p.path + '?size=large')
      await ready(page, p)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 1, `${p.name} is ${overflow}px wider than the screen`)
      await shot(page, `${p.name}-filters-manager-375-zh`)
    }
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    for (const p of PAGES) {
      await page.goto(BASE_URL + p.path + '?size=large')
      await ready(page, p)
      await page.locator('[data-test=filter-size]', { hasText: 'Large' }).waitFor()
      await shot(page, `${p.name}-filters-manager-375-en`)
    }
  } finally {
    await b.close()
  }
})
