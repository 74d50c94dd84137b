// 填报 in the browser: 回款登记 from the contract drawer, as a rep. Values are read from the
// page and the API, never assumed: a check beside the field, the server's 422 beside its
// field, one payment per submit however fast the clicks, the drawer and the cockpit's overdue
// changing at once. Screenshots zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
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
