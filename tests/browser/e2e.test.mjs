// Browser scenarios against a running server (BASE_URL). Values are read from the page,
// never assumed from a particular data set.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, openBrowser, login, shot, progressRows, apiGet } from './helpers.mjs'

test('executive: progress, drill to a 大区 and its reps, switch to English', async () => {
  const b = await openBrowser()
  const { page } = b
  try {
    await login(page, 'executive')
    await page.waitForURL('**/do/progress**')
    let rows = await progressRows(page)
    assert.ok((await rows.count()) >= 1, 'region rows')
    await page.locator('[data-test=summary-card]').waitFor()
    await page.locator('[data-test=progress-chart] canvas').waitFor()
    assert.equal(await page.locator('[data-test=menu-target-progress]').innerText(), '销售目标进度分析')
    assert.ok(await page.locator('[data-test=menu-group-do]').innerText().then((s) => s.includes('D·执行过程')))
    assert.ok(await page.locator('[data-test=menu-group-plan]').isVisible(), 'executive sees P group')
    assert.match(await page.locator('[data-test=user-role]').innerText(), /高管/)
    await shot(page, 'executive-progress-zh')

    // drill into the first 大区
    const regionName = (await page.locator('[data-test=drill-link]').first().innerText()).trim()
    await page.locator('[data-test=drill-link]').first().click()
    await page.waitForURL(/level=rep/)
    await page.locator('[data-test=crumb-region]').waitFor()
    assert.equal((await page.locator('[data-test=crumb-region]').innerText()).trim(), regionName)
    rows = await progressRows(page)
    await page.waitForFunction((n) => document.querySelector('[data-test=summary-name]')?.textContent?.trim() === n, regionName)
    assert.ok((await rows.count()) >= 1, 'rep rows')
    assert.equal(await page.locator('[data-test=drill-link]').count(), 0, 'reps are the bottom level')
    await shot(page, 'executive-progress-reps-zh')

    // back to the company via the breadcrumb
    await page.locator('[data-test=crumb-company]').click()
    await page.waitForURL(/level=region/)
    await page.locator('[data-test=drill-link]').first().waitFor()

    // switch to English
    await page.locator('.header [data-test=lang-en]').click()
    await page.getByRole('heading', { name: 'Target progress' }).waitFor()
    assert.ok(await page.locator('[data-test=progress-table]').innerText().then((s) => s.includes('Completion')))
    assert.ok(await page.locator('[data-test=menu-group-do]').innerText().then((s) => s.includes('D · Do')))
    assert.match(await page.locator('[data-test=user-role]').innerText(), /Executive/)
    const lang = await page.evaluate(() => localStorage.getItem('salesloop.locale'))
    assert.equal(lang, 'en')
    await shot(page, 'executive-progress-en')

    // the target entry page in English for the executive (region level)
    await page.locator('[data-test=menu-target-entry]').click()
    await page.locator('[data-test=target-grid]').waitFor()
    assert.ok(await page.locator('[data-test=unit]').innerText().then((s) => s.includes('10k yuan')))
    await shot(page, 'executive-entry-en')
    await page.locator('.header [data-test=lang-zh]').click()
    await page.getByRole('heading', { name: '目标填报' }).waitFor()
    await shot(page, 'executive-entry-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('manager: edit next month target, save, see it on progress; paste; validation', async () => {
  const b = await openBrowser()
  const { page } = b
  try {
    await login(page, 'manager')
    await page.waitForURL('**/do/progress**')
    await progressRows(page)
    await shot(page, 'manager-progress-zh')
    await page.locator('[data-test=menu-target-entry]').click()
    const grid = page.locator('[data-test=target-grid]')
    await grid.waitFor()
    await page.waitForFunction(() => !document.querySelector('.entry-page .el-loading-mask'))
    const year = await page.locator('[data-test=entry-year-wrap] input').inputValue()

    const row = grid.locator('tbody tr').first()
    const rowId = await row.getAttribute('data-row')
    const repName = (await row.locator('th').innerText()).trim()
    const open = row.locator('input.cell:not([disabled])')
    assert.ok((await open.count()) >= 1, 'at least one unlocked month')
    const cell = open.first()
    const month = Number(await cell.getAttribute('data-month'))
    assert.ok((await row.locator('input.cell[disabled]').count()) === month - 1, 'months before the first open one are locked')
    const before = await cell.inputValue()
    const value = before === '87.6' ? '91.2' : '87.6'

    await cell.fill(value)
    await page.locator('[data-test=unsaved]').waitFor()
    const saveResp = page.waitForResponse((r) => r.url().includes('/api/v1/targets/grid') && r.request().method() === 'PUT')
    await page.locator('[data-test=save]').click()
    const resp = await saveResp
    assert.equal(resp.status(), 200)
    const sent = resp.request().postDataJSON()
    assert.equal(sent.cells.length, 1, 'only the changed cell is sent')
    const { version, ...cellSent } = sent.cells[0]
    assert.deepEqual(cellSent, { id: Number(rowId), month, value: Math.round(Number(value) * 1e6) })
    assert.ok(Number.isInteger(version), 'the cell carries the version it was read at (a conflicting save gets 409)')
    await page.locator('[data-test=no-changes]').waitFor()
    assert.equal(await grid.locator(`[data-test=cell-${rowId}-${month}]`).inputValue(), value)
    await page.locator('[data-test=audit-table]').getByText(repName).first().waitFor()
    await shot(page, 'manager-entry-zh')

    // the progress page for that month shows the new target for that rep
    const mm = `${year}-${String(month).padStart(2, '0')}`
    await page.goto(`${BASE_URL}/do/progress?period=${mm}&level=rep&metric=sales`)
    const rows = await progressRows(page)
    const repRow = rows.filter({ hasText: repName }).first()
    await repRow.waitFor()
    assert.equal((await repRow.locator('[data-test=cell-target]').innerText()).trim(), value + '万')

    // paste a 2×2 block from Excel into the first open cell
    await page.locator('[data-test=menu-target-entry]').click()
    await grid.waitFor()
    await page.waitForFunction(() => !document.querySelector('.entry-page .el-loading-mask'))
    const start = grid.locator('tbody tr').first().locator('input.cell:not([disabled])').first()
    const m0 = Number(await start.getAttribute('data-month'))
    await start.evaluate((el) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', '1\t2\n3\t4\n')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    })
    const rowCount = await grid.locator('tbody tr').count()
    const expectedCount = Math.min(2, rowCount) * (m0 < 12 ? 2 : 1)
    await page.locator('.el-message').filter({ hasText: `已粘贴 ${expectedCount} 个单元格` }).first().waitFor()
    const ids = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')))
    assert.equal(await grid.locator(`[data-test=cell-${ids[0]}-${m0}]`).inputValue(), '1')
    if (ids.length > 1) assert.equal(await grid.locator(`[data-test=cell-${ids[1]}-${m0}]`).inputValue(), '3')
    if (m0 < 12) assert.equal(await grid.locator(`[data-test=cell-${ids[0]}-${m0 + 1}]`).inputValue(), '2')
    await page.locator('[data-test=unsaved]').waitFor()
    await shot(page, 'manager-entry-paste-zh')
    await page.locator('[data-test=discard]').click()
    await page.locator('[data-test=no-changes]').waitFor()

    // a negative value is refused before it is sent
    await start.fill('-5')
    await page.locator('[data-test=cell-error]').first().waitFor()
    assert.match(await page.locator('[data-test=cell-error]').first().innerText(), /非负/)
    assert.ok(await page.locator('[data-test=save]').isDisabled(), 'save disabled while invalid')
    await page.locator('[data-test=invalid-count]').waitFor()
    await shot(page, 'manager-entry-invalid-zh')
    await page.locator('[data-test=discard]').click()
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('rep: only the own row, no target entry', async () => {
  const b = await openBrowser()
  const { page } = b
  try {
    await login(page, 'rep')
    await page.waitForURL('**/do/cockpit**')  // a rep lands on the cockpit (issue 4)
    await page.goto(BASE_URL + '/do/progress')
    const rows = await progressRows(page)
    assert.equal(await rows.count(), 1, 'a rep sees one row')
    const me = await apiGet(page, '/me')
    assert.equal(me.user.role, 'rep')
    assert.equal(await page.locator('[data-test=menu-target-entry]').count(), 0)
    // Since issue 13 the P group also holds analysis pages every role sees (P1–P3, P5 forecast submission):
    // a rep sees the group, with those pages and without target entry.
    assert.equal(await page.locator('[data-test=menu-plan-funnel]').count(), 1)
    assert.equal(await page.locator('[data-test=menu-plan-market]').count(), 1)
    assert.equal(await page.locator('[data-test=menu-plan-forecast]').count(), 1)
    assert.match(await page.locator('[data-test=user-role]').innerText(), /销售代表/)
    await shot(page, 'rep-progress-zh')
    await page.goto(BASE_URL + '/plan/targets')
    await page.locator('[data-test=error-403]').waitFor()
    await shot(page, 'rep-forbidden-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('phone 375×812: drawer menu, tables as cards, no page overflow', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await page.goto(BASE_URL + '/login')
    await page.locator('[data-test=login-brand]').waitFor()
    await shot(page, 'mobile-login-zh')
    await login(page, 'executive')
    await page.waitForURL('**/do/progress**')
    // On a phone the progress table is a card per row (issue 9 item 17), not a sideways scroll.
    await page.locator('[data-test=progress-table] [data-test=card]').first().waitFor()
    assert.ok(await page.locator('[data-test=hamburger]').isVisible())
    assert.equal(await page.locator('.aside').count(), 0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`)
    const table = await page.locator('[data-test=progress-table]').evaluate((el) => ({ cards: el.classList.contains('cards'), scrolls: el.scrollWidth > el.clientWidth + 1 }))
    assert.ok(table.cards && !table.scrolls, 'the table is a card list that fits the screen')
    const chartWidth = await page.locator('[data-test=progress-chart]').evaluate((el) => el.getBoundingClientRect().width)
    assert.ok(chartWidth <= 375, 'the chart fits the screen')
    await shot(page, 'mobile-progress-zh')
    await page.locator('[data-test=hamburger]').click()
    await page.locator('[data-test=menu-drawer] [data-test=menu-target-entry]').waitFor()
    await shot(page, 'mobile-menu-zh')
    await page.locator('[data-test=menu-drawer] [data-test=menu-target-entry]').click()
    await page.locator('[data-test=target-grid]').waitFor()
    await shot(page, 'mobile-entry-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
