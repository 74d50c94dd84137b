// The A1 lists paged on the server with tabs and counts (issue 9 item 13), and tables as cards
// on a phone (item 17): the rep's to-dos at 375 px fit the screen as cards; the executive's
// meeting list pages and filters by status; both in zh-CN and en.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, login, openBrowser, shot } from './helpers.mjs'

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

test('phone 375: to-dos and the meeting list are cards that fit the screen', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'rep')
    await page.goto(BASE_URL + '/act/todos')
    await page.locator('[data-test=todo-table] [data-test=card]').first().waitFor()
    assert.equal(await page.locator('[data-test=todo-table] .el-table').count(), 0, 'no table on a phone')
    assert.ok((await overflow(page)) <= 1, `to-dos are ${await overflow(page)}px wider than the screen`)
    const all = Number((await page.locator('[data-test=todo-tab-all]').innerText()).match(/\((\d+)\)/)[1])
    assert.ok(all > 0, 'the demo rep has open items')
    await shot(page, 'mobile-todos-zh')
    await page.goto(BASE_URL + '/act/meetings')
    await page.locator('[data-test=meeting-table] [data-test=card]').first().waitFor()
    assert.ok((await overflow(page)) <= 1, `the meeting list is ${await overflow(page)}px wider than the screen`)
    await shot(page, 'mobile-meetings-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('1440: the executive pages the meeting list and filters it by status tab, in both languages', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    for (const lang of ['zh-CN', 'en']) {
      await page.evaluate((l) => localStorage.setItem('salesloop.locale', l), lang)
      await page.goto(BASE_URL + '/act/meetings')
      const rows = page.locator('[data-test=meeting-table] .el-table__body tbody tr')
      await rows.first().waitFor()
      const all = Number((await page.locator('[data-test=status-tab-all]').innerText()).match(/\((\d+)\)/)[1])
      assert.equal(await rows.count(), Math.min(20, all), 'one page of 20')
      if (all > 20) await page.locator('.meeting-list .el-pagination').waitFor()
      const closedTab = page.locator('[data-test=status-tab-closed]')
      const closed = Number((await closedTab.innerText()).match(/\((\d+)\)/)[1])
      await closedTab.click()
      await page.waitForFunction(() => !document.querySelector('[data-test=meeting-table] .el-loading-mask'))
      await page.waitForFunction((n) => document.querySelectorAll('[data-test=meeting-table] .el-table__body tbody tr').length === n, Math.min(20, closed))
      const statuses = await page.locator('[data-test=meeting-table] [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
      assert.ok(statuses.length > 0 && statuses.every((s) => s === 'closed'), statuses.join(','))
      assert.ok((await overflow(page)) <= 1, `the meeting list is ${await overflow(page)}px wider than the window`)
      await shot(page, `executive-meetings-closed-${lang === 'en' ? 'en' : 'zh'}`)
    }
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('D4: a rep row opens that rep\'s cockpit (issue 9 item 14)', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/do/leaderboard')
    const link = page.locator('[data-test=board-reps] [data-test=board-rep-link]').first()
    await link.waitFor()
    const name = (await link.innerText()).trim()
    await link.click()
    await page.waitForURL(/do\/cockpit\?rep=\d+/)
    await page.locator('[data-test=cockpit-rep]').waitFor()
    assert.ok((await page.locator('[data-test=cockpit-rep]').innerText()).includes(name))
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
