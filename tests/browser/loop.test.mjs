// D2 → A1: an anomaly sent from the process dashboard lands on the agenda of the next
// planned meeting the manager runs, keeping its key and figures.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

test('manager: send a D2 anomaly to the next meeting agenda', async () => {
  const b = await openBrowser()
  try {
    const { page } = b
    await login(page, 'manager')
    await page.goto(BASE_URL + '/do/process?period=2026-05')
    await page.locator('[data-test=send-meeting-button]').first().waitFor()
    await page.locator('[data-test=send-meeting-button]').first().click()
    await page.locator('[data-test=send-meeting-series]').first().waitFor()
    const title = (await page.locator('[data-test=send-meeting-dialog] .what').innerText()).trim()
    // issue 9 item 10: a listed series and "no series run by you" never show together
    assert.equal(await page.locator('[data-test=send-meeting-none]').count(), 0, 'no "none" line beside a listed series')
    await shot(page, 'manager-send-to-meeting-zh')
    await Promise.all([
      page.waitForURL(/\/act\/meetings\/\d+/),
      page.locator('[data-test=send-meeting-submit]').click(),
    ])
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    const meeting = await apiGet(page, `/meetings/${id}`)
    const item = meeting.agenda_items.find((g) => g.title === title)
    assert.ok(item, 'the agenda item is on the meeting')
    assert.equal(item.source, 'd2')
    assert.match(item.key, /\//)
    assert.ok(item.figures && 'severity' in item.figures, 'figures travel with the item')
    await page.locator(`[data-test=agenda-item-${item.id}]`).waitFor()
    await shot(page, 'manager-meeting-agenda-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
