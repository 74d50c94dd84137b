// P5 月度销售目标预测 in the browser: each role opens the page and sees the scope's accuracy,
// WAPE and ranking as the API gives them; the months CSV equals the page's table; on a server of
// the test's own (a copy of the database) a rep submits on day 2 of July and the manager sees the
// submission, and on day 3 the rep is refused with the server's message; screenshots in zh-CN
// and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { BASE_URL, openBrowser, login, shot, apiGet, demoLogins } from './helpers.mjs'
import { copyDb, ownServer } from '../support/own_server.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const ready = async (page) => {
  await page.locator('[data-test=chart-forecast] canvas').waitFor()
  await page.locator('[data-test=forecast-state]').waitFor()
  await noMask(page)
}
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
const pct = (v) => (v * 100).toFixed(1) + '%'

async function loginAt(page, base, role) {
  const u = demoLogins()[role]
  await page.goto(base + '/login')
  await page.locator('input[data-test=login-input], [data-test=login-input] input').fill(u.login)
  await page.locator('input[data-test=password-input], [data-test=password-input] input').fill(u.password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

for (const role of ['executive', 'manager', 'rep'])
  test(`P5 ${role}: accuracy with WAPE beside it, the ranking and the submissions of the scope`, async () => {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await login(page, role)
      await page.goto(BASE_URL + '/plan/forecast')
      await ready(page)
      const api = await apiGet(page, '/plan/forecast-accuracy')
      assert.equal((await page.locator('[data-test=kpi-accuracy]').innerText()).trim(), pct(api.summary.accuracy))
      assert.match(await page.locator('[data-test=kpi-wape]').innerText(), new RegExp(pct(api.summary.wape).replace('.', '\\.')))
      assert.equal(await page.locator('[data-test=table-ranking] .el-table__body tbody tr').count(), api.ranking.rows.length)
      assert.equal(await page.locator('[data-test=table-months] .el-table__body tbody tr').count(), api.months.length)
      const subs = await apiGet(page, '/plan/forecasts')
      assert.equal(await page.locator('[data-test=table-submissions] .el-table__body tbody tr').count(), subs.rows.length)
      if (role === 'rep') assert.equal(subs.rows.length, 1)
      if (role !== 'rep') assert.equal(await page.locator('[data-test=forecast-missing] .el-tag').count(), subs.not_submitted.length)
      await shot(page, `p5-${role}-1440-zh`)
      if (role === 'executive') {
        await page.locator('.header [data-test=lang-en]').click()
        await page.getByText('Forecast vs target vs actual by month').waitFor()
        await shot(page, 'p5-executive-1440-en')
        await page.locator('.header [data-test=lang-zh]').click()
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  })

test('P5 manager: the months CSV equals the page', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/plan/forecast')
    await ready(page)
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-months-csv]').click()])
    const lines = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    const rows = page.locator('[data-test=table-months] .el-table__body tbody tr')
    assert.equal(lines.length - 1, await rows.count())
    for (let i = 1; i < lines.length; i++) {
      const f = lines[i].split(',')
      const cells = await rows.nth(i - 1).locator('td').allInnerTexts()
      assert.equal(cells[0].trim().replace('*', ''), f[0])
      assert.equal(cells[4].trim(), f[4], `forecasters of ${f[0]}`)
    }
  } finally {
    await b.close()
  }
})

test('P5 a rep submits on day 2, the manager sees it, and on day 3 the rep is refused', async () => {
  const db = copyDb(process.env.DB_PATH)
  let server = await ownServer({ db, today: '2026-07-02' })
  try {
    const b = await openBrowser({ width: 1440, height: 900 })
    const { page } = b
    try {
      await loginAt(page, server.base, 'rep')
      await page.goto(server.base + '/plan/forecast')
      await ready(page)
      assert.match(await page.locator('[data-test=forecast-month]').innerText(), /2026-07/)
      await page.locator('input[data-test=forecast-value], [data-test=forecast-value] input').fill('1234.5')
      await page.locator('[data-test=forecast-submit]').click()
      await page.locator('.el-message--success').waitFor()
      await noMask(page)
      const mine = await apiGet(page, '/plan/forecasts?month=2026-07')
      assert.equal(mine.rows[0].latest, 1234500000)
      assert.equal(mine.rows[0].counted, 1234500000)
      await page.locator('[data-test=table-submissions] [data-test=cell-latest]').first().waitFor()
      assert.match(await page.locator('[data-test=table-submissions] [data-test=cell-latest]').first().innerText(), /1,?234\.5/)
      await shot(page, 'p5-rep-submitted-1440-zh')
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
    const m = await openBrowser({ width: 1440, height: 900 })
    try {
      await loginAt(m.page, server.base, 'manager')
      await m.page.goto(server.base + '/plan/forecast?month=2026-07')
      await ready(m.page)
      const team = await apiGet(m.page, '/plan/forecasts?month=2026-07&page_size=200')
      const me = team.rows.find((r) => r.latest === 1234500000)
      assert.ok(me, 'the manager sees the rep\'s submission')
      assert.ok(await m.page.getByText(me.rep.name).first().isVisible())
      await shot(m.page, 'p5-manager-team-1440-zh')
    } finally {
      await m.close()
    }
  } finally {
    await server.stop()
  }
  server = await ownServer({ db, today: '2026-07-03' })
  try {
    for (const lang of ['zh', 'en']) {
      const b = await openBrowser({ width: 1440, height: 900 })
      const { page } = b
      try {
        await loginAt(page, server.base, 'rep')
        if (lang === 'en') { await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en')); await page.reload() }
        await page.goto(server.base + '/plan/forecast?month=2026-07')
        await ready(page)
        assert.equal((await page.locator('[data-test=forecast-state]').innerText()).trim(), lang === 'en' ? 'Locked' : '已锁定')
        await page.locator('input[data-test=forecast-value], [data-test=forecast-value] input').fill('99')
        await page.locator('[data-test=forecast-submit]').click()
        const err = page.locator('[data-test=forecast-error]')
        await err.waitFor()
        assert.match(await err.innerText(), lang === 'en' ? /locked on 2026-07-03/ : /2026-07-03.*锁定/)
        await shot(page, `p5-rep-locked-1440-${lang}`)
      } finally {
        await b.close()
      }
    }
  } finally {
    await server.stop()
  }
})

test('P5 phone 375 px: the page fits the screen (zh and en)', async () => {
  for (const role of ['rep', 'manager']) {
    const b = await openBrowser({ width: 375, height: 812 })
    const { page } = b
    try {
      await login(page, role)
      await page.goto(BASE_URL + '/plan/forecast')
      await ready(page)
      const o = await overflow(page)
      assert.ok(o <= 1, `P5 is ${o}px wider than the screen`)
      await shot(page, `p5-${role}-375-zh`)
      await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
      await page.reload()
      await ready(page)
      await page.getByText('Forecast vs target vs actual by month').waitFor()
      assert.ok((await overflow(page)) <= 1)
      await shot(page, `p5-${role}-375-en`)
    } finally {
      await b.close()
    }
  }
})
