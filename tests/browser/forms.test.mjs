// 填报 in the browser: 回款登记 from the contract drawer, as a rep. Values are read from the
// page and the API, never assumed: a check beside the field, the server's 422 beside its
// field, one payment per submit however fast the clicks, the drawer and the cockpit's overdue
// changing at once. Screenshots zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { openBrowser, login, shot, apiGet } from './helpers.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))

// The cockpit, then the drawer of its first overdue contract with the payment form.
async function openPaymentForm(page) {
  await login(page, 'rep')
  await page.waitForURL('**/do/cockpit**')
  await page.locator('[data-test=cockpit-card-month]').waitFor()
  await noMask(page)
  const cockpit = await apiGet(page, '/do/cockpit')
  assert.ok(cockpit.overdue.length > 0, 'the demo rep has overdue receivables')
  await page.locator('[data-test=overdue-contract]').first().click()
  const drawer = page.locator('[data-test=contract-drawer]')
  await drawer.locator('[data-test=payment-form]').waitFor()
  await noMask(page)
  return { cockpit, drawer, first: cockpit.overdue[0] }
}

const fieldError = (drawer, test) => drawer.locator(`.el-form-item:has([data-test=${test}]) .el-form-item__error`)

test('rep: 回款登记 in the contract drawer — field checks, one payment per submit, overdue down at once', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    const { cockpit, drawer, first } = await openPaymentForm(page)
    const before = await apiGet(page, `/contracts/${first.contract}`)
    const open = before.amount - before.payments.reduce((a, p) => a + p.amount, 0)

    // Beside the field, before anything is sent: empty, then more than is open.
    await drawer.locator('[data-test=payment-submit]').click()
    await fieldError(drawer, 'payment-amount').waitFor()
    assert.equal(await fieldError(drawer, 'payment-amount').innerText(), '请填写')
    await drawer.locator('input[data-test=payment-amount]').fill(String(open / 100 + 1))
    await drawer.locator('[data-test=payment-submit]').click()
    assert.equal(await fieldError(drawer, 'payment-amount').innerText(), '不能超过未回款金额')

    // The server's answer beside its field: a day before the contract was signed.
    const picker = drawer.locator('[data-test=payment-date] input')
    await picker.fill('2000-01-01')
    await picker.press('Enter')
    await drawer.locator('input[data-test=payment-amount]').fill('1')
    await drawer.locator('[data-test=payment-submit]').click()
    await page.waitForFunction(() => [...document.querySelectorAll('.el-form-item__error')].some((e) => e.textContent.includes('签约日期')))
    await shot(page, 'forms-payment-error-zh', { fullPage: false })
    assert.equal((await apiGet(page, `/contracts/${first.contract}`)).payments.length, before.payments.length, 'nothing written')

    // A good payment of 1 元, the button clicked twice: one payment.
    await picker.fill(before.as_of)
    await picker.press('Enter')
    const button = drawer.locator('[data-test=payment-submit]')
    await Promise.all([button.click(), button.click({ force: true }).catch(() => {})])
    await page.locator('.el-message--success').waitFor()
    await noMask(page)
    const after = await apiGet(page, `/contracts/${first.contract}`)
    assert.equal(after.payments.length, before.payments.length + 1, 'one payment for two clicks')
    assert.equal(after.overdue, before.overdue - 100)
    assert.ok((await drawer.locator('[data-test=contract-overdue]').innerText()).length > 0)
    const cockpitAfter = await apiGet(page, '/do/cockpit')
    assert.equal(cockpitAfter.overdue_total, cockpit.overdue_total - 100)
    await shot(page, 'forms-payment-zh', { fullPage: false })

    await page.keyboard.press('Escape')
    await page.locator('.header [data-test=lang-en]').click()
    await page.locator('[data-test=overdue-contract]').first().click()
    await drawer.locator('[data-test=payment-form]').waitFor()
    await noMask(page)
    assert.ok((await drawer.innerText()).includes('Record a payment'))
    await shot(page, 'forms-payment-en', { fullPage: false })
    await page.keyboard.press('Escape')
    await page.locator('.header [data-test=lang-zh]').click()
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('phone 375×812: the payment form fits the drawer, zh-CN and en', async () => {
  for (const lang of ['zh-CN', 'en']) {
    const b = await openBrowser({ width: 375, height: 812 })
    const { page } = b
    try {
      // The phone header has no room for the language buttons: the saved choice.
      await page.addInitScript((l) => localStorage.setItem('salesloop.locale', l), lang)
      const { drawer } = await openPaymentForm(page)
      const form = drawer.locator('[data-test=payment-form]')
      await form.scrollIntoViewIfNeeded()
      assert.ok((await form.innerText()).includes(lang === 'en' ? 'Record payment' : '登记回款'))
      const overflow = await page.evaluate(() => {
        const f = document.querySelector('[data-test=payment-form]')
        return f.scrollWidth - f.clientWidth + Math.max(0, f.getBoundingClientRect().right - window.innerWidth)
      })
      assert.ok(overflow <= 1, `the form is ${overflow}px wider than the screen`)
      await shot(page, `forms-payment-mobile-${lang === 'en' ? 'en' : 'zh'}`, { fullPage: false })
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  }
})

// --- 商机维护 and 合同录入 (opps) ---
// Element Plus selects: open one (a remote one: type `search` to ask the server), pick the
// option with the given text (or the first one).
async function pick(page, field, text, search) {
  await field.locator('.el-select').first().click()
  if (search) await field.locator('.el-select input').first().pressSequentially(search, { delay: 30 })
  const items = page.locator('.el-select-dropdown__item:visible')
  await items.first().waitFor()
  await (text ? items.filter({ hasText: text }) : items).first().click()
  // Closed again before the next select is opened (a click while it fades out only closes it).
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-select-dropdown')].some((e) => e.offsetParent !== null))
}
async function typeDate(field, value) {
  const input = field.locator('input').first()
  await input.fill(value)
  await input.press('Enter')
}
const errorOf = (scope, test) => scope.locator(`.el-form-item:has([data-test=${test}]) > .el-form-item__content > .el-form-item__error, [data-test=${test}].el-form-item > .el-form-item__content > .el-form-item__error`)
const sqlJson = (q) => JSON.parse(execFileSync('sqlite3', ['-readonly', '-json', process.env.DB_PATH, q], { encoding: 'utf8' }) || '[]')

test('rep: 商机维护 — create, move, close lost with a reason; errors beside the field in zh-CN and en', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    const me = await login(page, 'rep')
    await page.goto(page.url().replace(/\/do\/.*$/, '') + '/plan/opportunities')
    await page.locator('[data-test=opps-table]').waitFor()
    await noMask(page)
    const before = await apiGet(page, '/opportunities?page_size=1')
    await shot(page, 'forms-opps-list-zh')

    await page.locator('[data-test=opp-new]').click()
    const dialog = page.locator('[data-test=opp-form]')
    await dialog.waitFor()
    await dialog.locator('[data-test=opp-submit]').click()
    assert.equal(await errorOf(dialog, 'opp-customer').innerText(), '请填写')
    const [customer] = (await apiGet(page, '/pickers/customers?page_size=1')).rows
    await pick(page, dialog.locator('[data-test=opp-customer]'), customer.name, customer.code)
    await pick(page, dialog.locator('[data-test=opp-category]'))
    await dialog.locator('input[data-test=opp-amount]').fill('12,345.67')
    await typeDate(dialog.locator('[data-test=opp-close]'), '2026-09-30')
    // A second click while the first is saving (the dialog then closes: no waiting for it).
    const submit = dialog.locator('[data-test=opp-submit]')
    await submit.click()
    await submit.click({ force: true, timeout: 1000 }).catch(() => {})
    await page.locator('.el-message--success').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    const after = await apiGet(page, '/opportunities?page_size=1')
    assert.equal(after.total, before.total + 1, 'one opportunity for two clicks')
    const id = after.rows[0].id
    // The list shows it at once, first; its drawer.
    await page.waitForFunction((code) => document.querySelector('[data-test=opp-link]')?.textContent === code, after.rows[0].code)
    await page.locator('[data-test=opp-link]').first().click()
    const drawer = page.locator('[data-test=opp-drawer]')
    await drawer.locator('[data-test=opp-history]').waitFor()
    assert.deepEqual(sqlJson(`SELECT amount, stage, created FROM opportunities WHERE id = ${id}`), [{ amount: 1234567, stage: 'lead', created: '2026-06-15' }])

    // Move to 方案, then lost: the reason checked here, the day by the server (not before the last event).
    await pick(page, drawer.locator('[data-test=opp-move-stage]'), '方案')
    await drawer.locator('[data-test=opp-move-submit]').click()
    await page.waitForFunction(() => document.querySelector('[data-test=opp-drawer-stage]')?.textContent === '方案')
    await pick(page, drawer.locator('[data-test=opp-move-stage]'), '输单')
    await drawer.locator('[data-test=opp-move-submit]').click()
    assert.equal(await errorOf(drawer, 'opp-move-reason').innerText(), '输单时请填写原因')
    await drawer.locator('[data-test=opp-move-reason] input').fill('客户预算冻结')
    await typeDate(drawer.locator('[data-test=opp-move-date]'), '2026-06-01')
    await drawer.locator('[data-test=opp-move-submit]').click()
    await errorOf(drawer, 'opp-move-date').waitFor()
    const dateError = await errorOf(drawer, 'opp-move-date').innerText()
    assert.ok(dateError.length > 0 && !/[a-z]{4}/i.test(dateError), `the server's zh-CN message beside the date: ${dateError}`)
    await shot(page, 'forms-opps-move-error-zh', { fullPage: false })
    await typeDate(drawer.locator('[data-test=opp-move-date]'), '2026-06-15')
    await drawer.locator('[data-test=opp-move-submit]').click()
    await page.waitForFunction(() => document.querySelector('[data-test=opp-drawer-stage]')?.textContent === '输单')
    await noMask(page)
    assert.deepEqual(sqlJson(`SELECT stage, closed, lost_reason FROM opportunities WHERE id = ${id}`),
      [{ stage: 'lost', closed: '2026-06-15', lost_reason: '客户预算冻结' }])
    assert.deepEqual(sqlJson(`SELECT stage FROM opportunity_stage_events WHERE opportunity = ${id} ORDER BY seq`).map((r) => r.stage), ['lead', 'proposal', 'lost'])
    assert.equal(await drawer.locator('[data-test=opp-history] .el-timeline-item').count(), 3)
    assert.equal(await drawer.locator('[data-test=opp-audit] .el-table__body tr').count(), 3)
    assert.ok((await drawer.innerText()).includes(me.login), 'the audit names who changed it')
    await shot(page, 'forms-opps-drawer-zh', { fullPage: false })

    // English: the same drawer and the form's checks.
    await page.keyboard.press('Escape')
    await page.locator('.header [data-test=lang-en]').click()
    await page.locator('[data-test=opp-link]').first().click()
    await drawer.locator('[data-test=opp-history]').waitFor()
    assert.ok((await drawer.innerText()).includes('Stage history'))
    await page.keyboard.press('Escape')
    await page.locator('[data-test=opp-new]').click()
    await dialog.waitFor()
    await dialog.locator('input[data-test=opp-amount]').fill('abc')
    await dialog.locator('[data-test=opp-submit]').click()
    assert.equal(await errorOf(dialog, 'opp-customer').innerText(), 'Required')
    assert.match(await dialog.locator('.el-form-item__error').filter({ hasText: 'amount' }).first().innerText(), /amount of 0 or more/)
    await shot(page, 'forms-opps-form-en', { fullPage: false })
    await page.keyboard.press('Escape')
    await page.locator('.header [data-test=lang-zh]').click()
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('manager: 合同录入 with two lines and a two-instalment plan; the plan checked beside the field; D shows it', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(page.url().replace(/\/do\/.*$/, '').replace(/\/plan\/.*$/, '') + '/do/contracts/new')
    const form = page.locator('[data-test=contract-form]')
    await form.waitFor()
    const cockpit = await apiGet(page, '/do/cockpit?as_of=2026-06-15')
    const code = `UI-${Date.now()}`
    await form.locator('input[data-test=ce-code]').fill(code)
    const [customer] = (await apiGet(page, '/pickers/customers?page_size=1')).rows
    await pick(page, form.locator('[data-test=ce-customer]'), customer.name, customer.code)
    await pick(page, form.locator('[data-test=ce-rep]'))
    const products = await apiGet(page, '/pickers/products?page_size=2')
    await pick(page, form.locator('[data-test=ce-line-0]'), products.rows[0].code)
    await form.locator('[data-test=ce-line-0] input[data-test=ce-qty]').fill('2')
    await form.locator('[data-test=ce-line-0] input[data-test=ce-amount]').fill('300')
    await form.locator('[data-test=ce-add-line]').click()
    await pick(page, form.locator('[data-test=ce-line-1]'), products.rows[1].code)
    await form.locator('[data-test=ce-line-1] input[data-test=ce-amount]').fill('150')
    await form.locator('[data-test=ce-plan-0] input[data-test=ce-plan-amount]').fill('200')
    await form.locator('[data-test=ce-add-plan]').click()
    await typeDate(form.locator('[data-test=ce-plan-1] [data-test=ce-due]'), '2026-08-15')
    await form.locator('[data-test=ce-plan-1] input[data-test=ce-plan-amount]').fill('200')
    await form.locator('[data-test=ce-submit]').click()
    const planError = form.locator('[data-test=ce-plan-error]')
    await planError.waitFor()
    assert.match(await planError.innerText(), /应等于合同金额/)
    await shot(page, 'forms-contract-plan-error-zh', { fullPage: true })

    await form.locator('[data-test=ce-plan-1] input[data-test=ce-plan-amount]').fill('250')
    const submit = form.locator('[data-test=ce-submit]')
    await Promise.all([submit.click(), submit.click({ force: true }).catch(() => {})])
    await page.locator('.el-message--success').waitFor()
    const saved = sqlJson(`SELECT id, amount, rep FROM contracts WHERE code = '${code}'`)
    assert.equal(saved.length, 1, 'one contract for two clicks')
    assert.equal(saved[0].amount, 45000)
    assert.deepEqual(sqlJson(`SELECT qty, amount, cost FROM contract_lines WHERE contract = ${saved[0].id} ORDER BY amount DESC`),
      [{ qty: 2, amount: 30000, cost: 2 * products.rows[0].unit_cost }, { qty: 1, amount: 15000, cost: products.rows[1].unit_cost }])
    assert.deepEqual(sqlJson(`SELECT due_date, amount FROM payment_plan WHERE contract = ${saved[0].id} ORDER BY due_date`),
      [{ due_date: '2026-06-15', amount: 20000 }, { due_date: '2026-08-15', amount: 25000 }])
    const after = await apiGet(page, '/do/cockpit?as_of=2026-06-15')
    assert.equal(after.cards[0].sales.actual, cockpit.cards[0].sales.actual + 45000, 'D1 shows it at once')

    // English: a check beside the field in the other language.
    await page.locator('.header [data-test=lang-en]').click()
    await form.locator('[data-test=ce-submit]').click()
    assert.equal(await errorOf(form, 'ce-customer').innerText(), 'Required')
    await shot(page, 'forms-contract-en', { fullPage: true })
    await page.locator('.header [data-test=lang-zh]').click()
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('phone 375×812: 商机维护 and 合同录入 fit the screen', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await login(page, 'manager')
    const base = new URL(page.url()).origin
    for (const [path, test, name] of [['/plan/opportunities', 'opps-page', 'forms-opps-mobile-zh'], ['/do/contracts/new', 'contract-entry', 'forms-contract-mobile-zh']]) {
      await page.goto(base + path)
      await page.locator(`[data-test=${test}]`).waitFor()
      await noMask(page)
      const overflow = await page.evaluate((t) => {
        const f = document.querySelector(`[data-test=${t}]`)
        return Math.max(0, f.getBoundingClientRect().right - window.innerWidth, f.scrollWidth - f.clientWidth)
      }, test)
      assert.ok(overflow <= 1, `${path} is ${overflow}px wider than the screen`)
      await shot(page, name)
    }
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
