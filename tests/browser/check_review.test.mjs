// C1 销售结果复盘 and the customer profile in the browser, per role. Values are read from the
// page or the API, never assumed; screenshots in zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import XLSX from 'xlsx'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const AS_OF = '2026-06-15'
const URL_REVIEW = `/check/review?period=2026-Q2&as_of=${AS_OF}`
const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

async function openReview(page, query = URL_REVIEW) {
  await page.goto(BASE_URL + query)
  await page.locator('[data-test=kpi-receivables]').waitFor()
  await noMask(page)
  for (const c of ['chart-trend', 'chart-cohorts', 'chart-aging']) await page.locator(`[data-test=${c}] canvas`).waitFor()
}

test('executive: the review, a blocker export checked against the page, the customer profile', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await openReview(page)
    assert.equal(await page.locator('[data-test=menu-review]').innerText(), '销售结果复盘分析')
    const api = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}`)
    const first = api.blockers.customers.rows[0]
    const names = page.locator('[data-test=table-blocker-customers] [data-test=customer-link]')
    assert.equal((await names.first().innerText()).trim(), first.name)
    assert.equal(await names.count(), Math.min(10, api.blockers.customers.total))
    assert.equal(await page.locator('[data-test=table-aging] .el-table__body tbody tr').count(), 5)
    await shot(page, 'check-review-exec-zh-1440')

    // The customers table as XLSX: header, the first row's name and overdue (yuan) as on the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-customers-xlsx]').click()])
    const sheet = XLSX.read(fs.readFileSync(await download.path())).Sheets['逾期客户']
    assert.ok(sheet, 'sheet named after the table')
    assert.equal(sheet.A1.v, '编号')
    assert.equal(sheet.B1.v, '客户')
    assert.equal(sheet.A2.v, first.id)
    assert.equal(sheet.B2.v, first.name)
    assert.equal(sheet.F1.v, '逾期金额(元)')
    assert.equal(sheet.F2.v, first.overdue / 100)
    const rows = XLSX.utils.sheet_to_json(sheet, { header: 1 }).length - 1
    assert.equal(rows, api.blockers.customers.total, 'the export holds every overdue customer')

    // Page 2 of the customers comes from the server.
    await page.locator('[data-test=review-blockers] .el-pagination .number', { hasText: '2' }).first().click()
    await page.waitForURL(/page=2/)
    await noMask(page)
    const page2 = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}&page=2`)
    assert.equal((await names.first().innerText()).trim(), page2.blockers.customers.rows[0].name)

    // English.
    await page.locator('.header [data-test=lang-en]').click()
    await page.getByText('Overdue aging').first().waitFor()
    await shot(page, 'check-review-exec-en-1440')

    // A customer name opens the profile.
    await names.first().click()
    await page.waitForURL(/check\/customer\/\d+/)
    await page.locator('[data-test=profile-name]').waitFor()
    await noMask(page)
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    const profile = await apiGet(page, `/customers/${id}?as_of=${AS_OF}`)
    assert.ok((await page.locator('[data-test=profile-name]').innerText()).includes(profile.name))
    assert.equal(new URL(page.url()).searchParams.get('as_of'), AS_OF)
    if (profile.class) assert.equal((await page.locator('[data-test=profile-class]').innerText()).trim(), profile.class)
    assert.equal(await page.locator('[data-test=profile-contracts] .el-table__body tbody tr').count(), profile.contracts.length)
    assert.equal(await page.locator('[data-test=timeline-item]').count(), profile.timeline.length)
    await shot(page, 'check-profile-exec-en-1440')
    await page.locator('.header [data-test=lang-zh]').click()
    await page.getByText('客户分级').first().waitFor()
    await shot(page, 'check-profile-exec-zh-1440')
    // A contract code opens the contract detail with its lines.
    await page.locator('[data-test=profile-contract]').first().click()
    await page.locator('[data-test=contract-drawer] [data-test=contract-lines] .el-table__body tbody tr').first().waitFor()
    await page.keyboard.press('Escape')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('manager: a 大区 narrows the review; a rep opens their cockpit', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await openReview(page)
    const api = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}`)
    if (api.blockers.regions.rows.length) {
      await page.locator('[data-test=table-blocker-regions] [data-test=region-link]').first().click()
      await page.waitForURL(/region=\d+/)
      await noMask(page)
      const narrowed = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}&region=${api.blockers.regions.rows[0].id}`)
      assert.equal(narrowed.receivables, api.blockers.regions.rows[0].receivable)
    }
    await shot(page, 'check-review-manager-zh-1440')
    const rep = page.locator('[data-test=table-blocker-reps] [data-test=rep-link]').first()
    const name = (await rep.innerText()).trim()
    await rep.click()
    await page.waitForURL(/do\/cockpit\?rep=\d+/)
    await page.locator('[data-test=cockpit-card-month]').waitFor()
    assert.ok((await page.locator('[data-test=cockpit-rep]').innerText()).includes(name))
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('rep: only their own book; a foreign customer profile is not found', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'rep')
    const me = await apiGet(page, '/me')
    await openReview(page)
    const api = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}`)
    assert.ok(api.blockers.reps.rows.every((r) => r.id === me.user.rep))
    assert.equal(await page.locator('[data-test=table-blocker-regions]').count(), 0)
    // A page past the end of the list goes back to the first.
    await page.goto(`${BASE_URL}${URL_REVIEW}&page=999`)
    await page.waitForURL((u) => !u.searchParams.has('page'))
    await shot(page, 'check-review-rep-zh-1440')
    // A customer that is not theirs: the id of one a manager sees but the rep does not own.
    let foreign = null
    for (let id = 1; id < 60 && foreign === null; id++) {
      const r = await page.evaluate(async (u) => (await fetch(u)).status, `/api/v1/customers/${id}`)
      if (r === 404) foreign = id
    }
    assert.ok(foreign !== null)
    await page.goto(`${BASE_URL}/check/customer/${foreign}?as_of=${AS_OF}`)
    await page.locator('[data-test=profile-not-found]').waitFor()
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('phone 375×812: the review and the profile fit the screen, zh-CN and en', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'executive')
    await openReview(page)
    assert.ok(await overflow(page) <= 1, `review is ${await overflow(page)}px wider than the screen`)
    await shot(page, 'check-review-zh-375')
    const first = page.locator('[data-test=table-blocker-customers] [data-test=customer-link]').first()
    const href = await first.getAttribute('href')
    await page.goto(BASE_URL + href)
    await page.locator('[data-test=profile-name]').waitFor()
    await noMask(page)
    assert.ok(await overflow(page) <= 1, `profile is ${await overflow(page)}px wider than the screen`)
    await shot(page, 'check-profile-zh-375')
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await openReview(page)
    await page.getByText('Overdue aging').first().waitFor()
    assert.ok(await overflow(page) <= 1)
    await shot(page, 'check-review-en-375')
    await page.goto(BASE_URL + href)
    await page.locator('[data-test=profile-name]').waitFor()
    await noMask(page)
    assert.ok(await overflow(page) <= 1)
    await shot(page, 'check-profile-en-375')
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'zh-CN'))
  } finally {
    await b.close()
  }
})
