// 预警 in the browser (issue 14): an executive makes a threshold rule on the 预警规则 page, a
// region target saved through the targets API breaches it, the bell counts it and lists it,
// and it is acknowledged from the list. Checked against the API; screenshots zh-CN and en at
// 1440 and 375 px.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { openBrowser, login, shot, apiGet, BASE_URL } from './helpers.mjs'
import { as } from '../support/client.mjs'
import { sql, subtree } from '../support/db.mjs'

const tag = Date.now().toString(36)
const cleanups = []
after(async () => { for (const f of cleanups.reverse()) await f() })

const pick = async (page, select, option) => {
  await page.locator(`[data-test=${select}]`).click()
  await page.locator(`.el-select-dropdown__item[data-test=${option}]`).first().click()
}
const bellCount = (page) => page.locator('[data-test=alert-count] .el-badge__content').innerText().catch(() => '0')

test('make a rule on the page, breach it with a saved target, see the bell and the list, acknowledge (zh-CN and en, 1440 and 375)', async () => {
  const exec = await as('executive')
  const region = sql('SELECT id, name FROM regions WHERE level = 1 ORDER BY id LIMIT 1')[0]
  const target = () => sql(`SELECT value FROM targets WHERE metric = 'sales' AND owner_kind = 'region' AND owner_id = ${region.id} AND month = '2026-06'`)[0]?.value ?? 0
  const saveTarget = async (value) => {
    const r = await exec.req('PUT', '/api/v1/targets/grid', { year: 2026, metric: 'sales', owner: 'region', cells: [{ id: region.id, month: 6, value }] })
    assert.equal(r.status, 200, JSON.stringify(r.json))
  }
  const original = target()
  cleanups.push(() => saveTarget(original))
  // Not breached before the rule exists: a target equal to June's sales so far (SQL), 50 points ahead.
  const actual = sql(`${subtree(String(region.id))} SELECT COALESCE(SUM(c.amount), 0) AS v FROM contracts c
    JOIN reps p ON p.id = c.rep JOIN sub ON sub.id = p.region WHERE c.signed_date BETWEEN '2026-06-01' AND '2026-06-15'`)[0].v
  assert.ok(actual > 0)
  await saveTarget(actual)

  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'executive')
    await page.locator('[data-test=menu-alert-rules]').click()
    await page.locator('[data-test=alert-rules-page]').waitFor()
    await page.locator('[data-test=alert-rule-create]').click()
    const dialog = page.locator('[data-test=alert-rule-dialog]')
    const name = `完成率落后 ${tag}`
    await dialog.locator('input[data-test=alert-rule-name], [data-test=alert-rule-name] input').fill(name)
    await pick(page, 'alert-rule-scope', 'alert-scope-region')
    await pick(page, 'alert-rule-region', `alert-region-${region.id}`)
    await shot(page, 'alerts-rule-form-zh', { fullPage: false })
    await dialog.locator('[data-test=alert-rule-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const rules = await apiGet(page, '/alerts/rules')
    const rule = rules.rules.find((r) => r.name === name)
    assert.ok(rule, 'the rule was saved')
    cleanups.push(() => exec.req('DELETE', `/api/v1/alerts/rules/${rule.id}`))
    assert.deepEqual([rule.kind, rule.metric, rule.scope, rule.op, rule.value, rule.filters.period],
      ['threshold', 'd3_completion_gap', `region:${region.id}`, '<', -0.2, 'month'])
    await page.locator('[data-test=alert-rules-table]').getByText(name).waitFor()
    await shot(page, 'alerts-rules-zh')
    await page.waitForTimeout(4500)  // two check periods: nothing breached yet
    assert.ok(!(await apiGet(page, '/alerts')).alerts.some((a) => a.rule === rule.id), 'no alert before the breach')

    // The breach: a target no month could meet; completion ≈ 0, 50 points behind time.
    await saveTarget(1e13)
    let alert
    for (let i = 0; i < 40 && !alert; i++) {
      await page.waitForTimeout(500)
      alert = (await apiGet(page, '/alerts')).alerts.find((a) => a.rule === rule.id)
    }
    assert.ok(alert, 'the check opened an alert')
    assert.ok(Math.abs(alert.measured - (actual / 1e13 - 0.5)) < 1e-9, `measured ${alert.measured}`)
    // The bell refreshes on navigation.
    await page.locator('[data-test=menu-target-progress]').click()
    await page.waitForFunction(() => Number(document.querySelector('[data-test=alert-count] .el-badge__content')?.textContent ?? 0) > 0)
    const unread = (await apiGet(page, '/alerts')).unread
    assert.equal(Number(await bellCount(page)), Math.min(unread, 99))
    await page.locator('[data-test=alert-bell]').click()
    const item = page.locator('[data-test=alert-item]', { hasText: name }).first()
    await item.waitFor()
    assert.match(await item.innerText(), new RegExp(region.name))
    await shot(page, 'alerts-bell-zh', { fullPage: false })
    await item.locator('[data-test=alert-ack]').click()
    await page.waitForFunction(async (id) => {
      const r = await (await fetch('/api/v1/alerts', { credentials: 'same-origin' })).json()
      return r.alerts.find((a) => a.id === id)?.acked
    }, alert.id)
    await item.getByText('已确认').waitFor()
    // Open: the page with the filters that show it.
    await item.locator('[data-test=alert-open]').click()
    await page.waitForURL((u) => u.pathname === '/do/progress' && u.searchParams.get('region') === String(region.id))

    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await page.goto(`${BASE_URL}/act/alert-rules`)
    await page.locator('[data-test=alert-rules-table]').getByText(name).waitFor()
    await shot(page, 'alerts-rules-en')
    await page.locator('[data-test=alert-bell]').click()
    await page.locator('[data-test=alert-item]', { hasText: name }).first().getByText('Acknowledged').waitFor()
    await shot(page, 'alerts-bell-en', { fullPage: false })
    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'zh-CN'))
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }

  for (const lang of ['zh-CN', 'en']) {
    const n = await openBrowser({ width: 375, height: 800 })
    try {
      await login(n.page, 'executive')
      await n.page.evaluate((l) => localStorage.setItem('salesloop.locale', l), lang)
      await n.page.goto(`${BASE_URL}/act/alert-rules`)
      await n.page.locator('[data-test=alert-rules-table]').getByText(`完成率落后 ${tag}`).waitFor()
      await shot(n.page, `alerts-rules-${lang === 'en' ? 'en' : 'zh'}-375`)
      await n.page.locator('[data-test=alert-bell]').click()
      await n.page.locator('[data-test=alert-item]').first().waitFor()
      await shot(n.page, `alerts-bell-${lang === 'en' ? 'en' : 'zh'}-375`, { fullPage: false })
      const overflow = await n.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      assert.ok(overflow <= 0, `no sideways scroll at 375 px (${overflow})`)
      assert.deepEqual(n.errors, [])
    } finally {
      await n.close()
    }
  }
})
