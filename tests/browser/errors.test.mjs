// A refused or invalid load says what happened, in the user's language, with a way back
// (issue 9 item 18): not "暂无数据".
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

/** The server's error message for a GET in a language (what the page should show). */
function apiMessage(page, p, lang) {
  return page.evaluate(async ([u, l]) => (await (await fetch(u, { headers: { 'Accept-Language': l } })).json()).error.message, ['/api/v1' + p, lang])
}

test("rep: another rep's cockpit (403) and a garbage period (422) show the error and a way back", async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  try {
    const { page } = b
    await login(page, 'rep')
    const me = await apiGet(page, '/me')
    const other = me.user.rep === 1 ? 2 : 1
    await page.goto(BASE_URL + `/do/cockpit?rep=${other}`)
    const err = page.locator('[data-test=load-error]')
    await err.waitFor()
    assert.equal(await err.getAttribute('data-status'), '403')
    assert.equal((await page.locator('[data-test=load-error-message]').innerText()).trim(), await apiMessage(page, `/do/cockpit?rep=${other}`, 'zh-CN'))
    assert.ok((await err.innerText()).includes('无权查看这些数据'))
    assert.equal(await page.locator('.el-empty').count(), 0, 'no empty state beside the error')
    await shot(page, 'rep-cockpit-403-zh')
    // In English the server's message comes in English.
    await page.locator('.header [data-test=lang-en]').click()
    const en = await apiMessage(page, `/do/cockpit?rep=${other}`, 'en')
    await page.waitForFunction((m) => document.querySelector('[data-test=load-error-message]')?.textContent?.trim() === m, en)
    assert.ok((await err.innerText()).includes('You may not see this data'))
    await shot(page, 'rep-cockpit-403-en')
    await page.locator('.header [data-test=lang-zh]').click()
    // Reset filters: the rep's own cockpit.
    await page.locator('[data-test=load-reset]').click()
    await page.locator('[data-test=cockpit-card-month]').waitFor()
    assert.equal(new URL(page.url()).searchParams.get('rep'), null)
    assert.equal(await err.count(), 0)

    await page.goto(BASE_URL + '/do/process?period=garbage')
    await err.waitFor()
    assert.equal(await err.getAttribute('data-status'), '422')
    assert.equal((await page.locator('[data-test=load-error-message]').innerText()).trim(), await apiMessage(page, '/do/process?period=garbage', 'zh-CN'))
    assert.ok((await err.innerText()).includes('链接中的筛选条件无效'))
    await shot(page, 'rep-process-422-zh')
    await page.locator('[data-test=load-reset]').click()
    await page.locator('[data-test=kpi-sales]').waitFor()
    assert.equal(new URL(page.url()).searchParams.get('period'), null)
    // Home, from the error.
    await page.goto(BASE_URL + '/do/progress?period=2026-13')
    await err.waitFor()
    await page.locator('[data-test=load-home]').click()
    await page.waitForURL((u) => !u.search.includes('2026-13'))
    assert.equal(await err.count(), 0)
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
