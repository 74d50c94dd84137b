// 用户管理 in the browser (issue 14): an admin creates a manager with an email, edits it and
// deactivates it; a user edits their own email from 我的账号. Checked against the API;
// screenshots zh-CN and en at 1440 and 375 px.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openBrowser, login, shot, apiGet, BASE_URL } from './helpers.mjs'

const tag = Date.now().toString(36)
const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const fieldError = (root, test) => root.locator(`.el-form-item:has([data-test=${test}]) .el-form-item__error`)
const pick = async (page, select, option) => {
  await page.locator(`[data-test=${select}]`).click()
  await page.locator(`.el-select-dropdown__item[data-test=${option}]`).first().click()
}

async function findUser(page, login) {
  const r = await apiGet(page, `/users?q=${encodeURIComponent(login)}`)
  return r.users.find((u) => u.login === login)
}

test('admin: create a manager with an email, edit it, deactivate it (zh-CN, 1440)', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'admin')
    await page.locator('[data-test=menu-group-admin]').waitFor()
    await page.locator('[data-test=menu-admin-users]').click()
    await page.locator('[data-test=users-table] .el-table__body tbody tr').first().waitFor()
    await noMask(page)
    await shot(page, 'users-admin-list-zh')

    const login0 = `ui-mgr-${tag}`
    await page.locator('[data-test=users-create]').click()
    const dialog = page.locator('[data-test=user-create-dialog]')
    await dialog.locator('input[data-test=user-login], [data-test=user-login] input').fill(login0)
    await pick(page, 'user-form-role', 'user-role-manager')
    await dialog.locator('[data-test=user-save]').click()
    assert.equal(await fieldError(dialog, 'user-region').innerText(), '必填', 'a manager needs a region, said beside it')
    const scopes = await apiGet(page, '/users/scopes')
    const region = scopes.regions.find((g) => g.level > 0)
    await pick(page, 'user-region', `user-region-${region.id}`)
    await dialog.locator('input[data-test=user-email], [data-test=user-email] input').fill('not-an-address')
    await dialog.locator('[data-test=user-save]').click()
    await fieldError(dialog, 'user-email').waitFor()
    await shot(page, 'users-admin-create-error-zh', { fullPage: false })
    await dialog.locator('input[data-test=user-email], [data-test=user-email] input').fill(`${login0}@example.cn`)
    await dialog.locator('[data-test=user-save]').click()
    await page.locator('.el-message-box').waitFor()  // the generated password, shown once
    assert.match(await page.locator('.el-message-box').innerText(), /新密码/)
    await page.locator('.el-message-box .el-button--primary').click()
    let u = await findUser(page, login0)
    assert.deepEqual([u.role, u.region, u.email, u.active], ['manager', region.id, `${login0}@example.cn`, true])

    await page.locator('input[data-test=users-search], [data-test=users-search] input').fill(login0)
    await page.locator('input[data-test=users-search], [data-test=users-search] input').press('Enter')
    await page.waitForFunction((l) => document.querySelectorAll('[data-test=users-table] .el-table__body tbody tr').length === 1 &&
      document.querySelector('[data-test=users-table] .el-table__body').textContent.includes(l), login0)
    await page.locator(`[data-test=user-edit-${login0}]`).first().click()
    const drawer = page.locator('[data-test=user-edit-drawer]')
    await drawer.locator('input[data-test=user-email], [data-test=user-email] input').fill(`new.${login0}@example.cn`)
    await drawer.locator('input[data-test=user-wecom], [data-test=user-wecom] input').fill('WangWei')
    await shot(page, 'users-admin-edit-zh', { fullPage: false })
    await drawer.locator('[data-test=user-save]').click()
    await page.locator('.el-message--success').last().waitFor()
    u = await findUser(page, login0)
    assert.deepEqual([u.email, u.wecom_id], [`new.${login0}@example.cn`, 'WangWei'])

    await page.locator(`[data-test=user-toggle-${login0}]`).first().click()
    await page.locator('.el-message-box .el-button--primary').click()
    await page.waitForFunction((l) => document.querySelector(`[data-test=user-status-${l}]`)?.textContent.includes('已停用'), login0)
    assert.equal((await findUser(page, login0)).active, false)
    await shot(page, 'users-admin-deactivated-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('a user edits their own email in 我的账号; en and zh-CN at 375 and 1440', async () => {
  for (const [lang, width] of [['en', 375], ['zh-CN', 375], ['en', 1440]]) {
    const b = await openBrowser({ width, height: 812 })
    const { page } = b
    try {
      await page.addInitScript((l) => localStorage.setItem('salesloop.locale', l), lang)
      const me = await login(page, 'executive')
      await page.locator('[data-test=user-menu-trigger]').click()
      await page.locator('[data-test=my-account]').click()
      const dialog = page.locator('[data-test=account-dialog]')
      await dialog.locator('input[data-test=account-email], [data-test=account-email] input').fill('nope')
      await dialog.locator('[data-test=account-save]').click()
      await fieldError(dialog, 'account-email').waitFor()
      await shot(page, `users-account-error-${lang}-${width}`, { fullPage: false })
      const email = `${me.login}.${lang}.${width}@example.cn`
      await dialog.locator('input[data-test=account-email], [data-test=account-email] input').fill(email)
      if (lang === 'en') await dialog.locator('[data-test=account-lang-en]').click()
      await dialog.locator('[data-test=account-save]').click()
      await page.locator('.el-message--success').waitFor()
      const r = await apiGet(page, '/me')
      assert.equal(r.user.email, email)
      assert.equal(r.user.role, 'executive')
      await shot(page, `users-account-saved-${lang}-${width}`, { fullPage: false })
      if (width === 375) {
        // Not an admin: the administration page is refused.
        await page.goto(BASE_URL + '/admin/users')
        await page.waitForFunction(() => location.pathname === '/403')
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  }
})

test('admin page on a phone (375, en)', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  const { page } = b
  try {
    await page.addInitScript(() => localStorage.setItem('salesloop.locale', 'en'))
    await login(page, 'admin')
    await page.goto(BASE_URL + '/admin/users')
    await page.locator('[data-test=users-table] .el-table__body tbody tr').first().waitFor()
    await noMask(page)
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scroll')
    await shot(page, 'users-admin-list-en-375')
    await page.locator('[data-test=users-create]').click()
    await page.locator('[data-test=user-create-dialog] [data-test=user-form]').waitFor()
    await shot(page, 'users-admin-create-en-375', { fullPage: false })
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
