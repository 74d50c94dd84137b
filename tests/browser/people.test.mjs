// People in the browser (issue 9 items 8, 12, 15): same-named reps told apart by their
// employee number, D1 to-dos for managers, and the one-click close of a resolution whose goal
// is met. Values come from the API, never assumed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))

test('executive: the target grid tells two reps of the same name apart by 工号', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await page.goto(BASE_URL + '/do/progress')
    await noMask(page)
    // The pair of same-named reps and their 大区, from the API.
    const cockpit = await apiGet(page, '/do/cockpit')
    const names = new Map()
    for (const r of cockpit.reps) names.set(r.name, [...(names.get(r.name) ?? []), r])
    const twins = [...names.values()].find((v) => v.length === 2)
    assert.ok(twins, 'the demo has two reps of the same name')
    const region = (await apiGet(page, '/regions')).regions.find((r) => r.id === twins[0].region)
    assert.ok(region, 'their 大区')

    await page.locator('[data-test=menu-target-entry]').click()
    await page.locator('[data-test=target-grid]').waitFor()
    await page.locator('[data-test=entry-level-rep]').click()
    await page.locator('[data-test=entry-region]').click()
    await page.locator('.el-select-dropdown__item', { hasText: region.name }).first().click()
    const grid = page.locator('[data-test=target-grid]')
    for (const t of twins) await grid.locator(`tr[data-row="${t.id}"]`).waitFor()
    await noMask(page)
    const shown = []
    for (const t of twins) {
      const cell = grid.locator(`tr[data-row="${t.id}"] th [data-test=rep-name]`)
      assert.equal((await cell.innerText()).trim(), t.name, 'the name itself is the cell text')
      shown.push(await cell.getAttribute('data-employee-no'))
      // The number is drawn beside the name (CSS), visible to the reader.
      const drawn = await cell.evaluate((el) => getComputedStyle(el, '::after').content)
      assert.equal(drawn, `"${t.employee_no}"`)
    }
    assert.deepEqual(shown, twins.map((t) => t.employee_no))
    assert.notEqual(shown[0], shown[1])
    await grid.locator(`tr[data-row="${twins[0].id}"]`).scrollIntoViewIfNeeded()
    await shot(page, 'people-target-grid-same-names-zh')

    // D4 shows them apart too (June: both employed by then).
    await page.goto(BASE_URL + '/do/leaderboard?period=2026-06')
    await page.locator('[data-test=board-reps] .el-table__body tbody tr').first().waitFor()
    await noMask(page)
    const nos = await page.locator('[data-test=board-reps] [data-test=rep-name]').evaluateAll((els) => els.map((e) => e.getAttribute('data-employee-no')))
    for (const t of twins) assert.ok(nos.includes(t.employee_no), t.employee_no)
    // The header names the executive as a person, with their role.
    const header = await page.locator('[data-test=user-menu-trigger]').innerText()
    assert.ok(header.includes('周建华') && header.includes('高管'), header)
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('manager: D1 lists the shown rep\'s to-dos, and their own on the landing', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/do/cockpit')
    await page.locator('[data-test=cockpit-card-month]').waitFor()
    await noMask(page)
    const card = page.locator('[data-test=cockpit-todos]')
    const own = await apiGet(page, '/todos?page_size=200')
    assert.equal((await card.locator('[data-test=cockpit-todos-title]').innerText()).trim(), '我的待办（会议决议与行动项）')
    if (own.items.length) await card.locator('[data-test=cockpit-todo]').first().waitFor()
    assert.equal(await card.locator('[data-test=cockpit-todo]').count(), own.items.length)
    assert.equal(await page.locator('[data-test=todos-missing]').count(), 0, 'no "module not enabled" text')

    // A rep of their region with open items: their cockpit shows that rep's to-dos.
    const reps = (await apiGet(page, '/do/cockpit')).reps
    let shown = null
    for (const r of reps) {
      const list = await apiGet(page, `/todos?rep=${r.id}&page_size=200`)
      if (list.items && list.items.length) { shown = { rep: r, list }; break }
    }
    assert.ok(shown, 'a rep of the region has open items')
    await page.goto(BASE_URL + `/do/cockpit?rep=${shown.rep.id}`)
    await page.locator('[data-test=cockpit-card-month]').waitFor()
    await noMask(page)
    await card.locator('[data-test=cockpit-todo]').first().waitFor()
    assert.ok((await card.locator('[data-test=cockpit-todos-title]').innerText()).includes(shown.rep.name))
    assert.equal(await card.locator('[data-test=cockpit-todo]').count(), shown.list.items.length)
    const first = await card.locator('[data-test=cockpit-todo] a').first().innerText()
    assert.equal(first.trim(), shown.list.items[0].title)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'people-manager-cockpit-rep-todos-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('manager: a resolution whose goal is met shows it and closes in one click', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/act/todos')
    const list = await apiGet(page, '/todos?kind=resolution&page_size=200')
    const item = list.items.find((x) => x.goal_met)
    assert.ok(item, 'the manager owns an open resolution whose goal is met')
    assert.equal(item.overdue, false)
    await page.goto(BASE_URL + `/act/meetings/${item.meeting_id}`)
    const card = page.locator(`[data-test=resolution-${item.id}]`)
    await card.waitFor()
    await card.locator('[data-test=goal-met-tag]').waitFor()
    assert.equal(await card.locator('[data-test=overdue-tag]').count(), 0, 'not flagged overdue')
    assert.ok((await card.innerText()).includes('已达成'))
    // The owner is shown as a person with their role.
    assert.ok((await card.innerText()).includes('王建国 · '), 'owner with role')
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'people-goal-met-resolution-zh', { fullPage: false })
    const patched = page.waitForResponse((r) => r.url().includes(`/api/v1/resolutions/${item.id}`) && r.request().method() === 'PATCH')
    await card.locator(`[data-test=confirm-done-${item.id}]`).click()
    const resp = await patched
    assert.equal(resp.status(), 200)
    assert.deepEqual(resp.request().postDataJSON(), { status: 'done' })
    await page.locator(`[data-test=resolution-${item.id}] [data-test=confirm-done-${item.id}]`).waitFor({ state: 'detached' })
    const after = await apiGet(page, '/todos?kind=resolution&page_size=200')
    assert.ok(!after.items.some((x) => x.id === item.id), 'no longer a to-do')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
