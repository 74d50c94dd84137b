// 渠道设置, 订阅管理, 推送记录 in the browser (issue 14): an admin sets SMTP to the loopback
// aiosmtpd server (a 422 lands beside its field, a failing test message shows the server's
// reason), creates a subscription with a condition, sends it now and sees it 已发送 in 推送记录,
// the mail in the SMTP server's folder; a manager sees only their own deliveries. Checked against
// the API and SQL; screenshots zh-CN and en at 1440 and 375 px.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openBrowser, login, shot, apiGet, demoLogins, BASE_URL } from './helpers.mjs'
import { startSmtp } from '../support/smtp.mjs'

const noMask = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))
const fieldError = (root, test) => root.locator(`.el-form-item:has([data-test=${test}]) .el-form-item__error`)
const input = (root, test) => root.locator(`input[data-test=${test}], [data-test=${test}] input`).first()
const sql = (q) => { const t = execFileSync('sqlite3', ['-json', process.env.DB_PATH, q], { encoding: 'utf8' }).trim(); return t ? JSON.parse(t) : [] }
let smtp, mailDir

before(async () => {
  mailDir = mkdtempSync(path.join(tmpdir(), 'salesloop-pushweb-mail-'))
  smtp = await startSmtp(mailDir)
  // Addresses for the admin and the first manager (user administration is another page's test).
  const logins = demoLogins()
  sql(`UPDATE users SET email = login || '@example.test' WHERE login IN ('${logins.admin.login}', '${logins.manager.login}') AND email = ''`)
})
after(async () => { await smtp?.stop() })

const rcpts = () => readdirSync(mailDir).filter((f) => f.endsWith('.rcpt')).map((f) => readFileSync(path.join(mailDir, f), 'utf8').trim())

test('admin: channels, a subscription with a condition, send now, 推送记录 shows it sent (zh-CN, 1440)', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'admin')
    await page.locator('[data-test=menu-group-admin]').waitFor()
    await page.locator('[data-test=menu-admin-channels]').click()
    const form = page.locator('[data-test=channels-page]')
    await input(form, 'smtp-host').waitFor()
    await input(form, 'smtp-host').fill('127.0.0.1')
    await input(form, 'smtp-port').fill(String(smtp.port))
    await page.locator('[data-test=smtp-tls]').click()
    await page.locator('.el-select-dropdown__item[data-test=smtp-tls-none]').click()
    await input(form, 'smtp-from').fill('not-an-address')
    await form.locator('[data-test=channels-save]').click()
    await fieldError(form, 'smtp-from').waitFor()          // the API's 422 names smtp.from
    await input(form, 'smtp-from').fill('salesloop@example.test')
    // A test with an unsaved, unreachable port: the server's reason, in the user's language.
    await input(form, 'smtp-port').fill('1')
    await input(form, 'test-to').fill('admin@example.test')
    await form.locator('[data-test=test-send]').click()
    await page.locator('[data-test=test-error]').waitFor()
    assert.match(await page.locator('[data-test=test-error]').innerText(), /测试消息发送失败.*127\.0\.0\.1:1/)
    await input(form, 'smtp-port').fill(String(smtp.port))
    await form.locator('[data-test=channels-save]').click()
    await page.locator('.el-message--success').last().waitFor()
    const stored = await apiGet(page, '/settings/channels')
    assert.deepEqual([stored.smtp.host, stored.smtp.port, stored.smtp.tls, stored.smtp.from], ['127.0.0.1', smtp.port, 'none', 'salesloop@example.test'])
    const before = rcpts().length
    await form.locator('[data-test=test-send]').click()
    await page.locator('[data-test=test-ok]').waitFor()
    assert.equal(rcpts().length, before + 1)
    await page.evaluate(() => window.scrollTo(0, 0))
    await shot(page, 'push-channels-zh-1440')

    // 订阅管理: a subscription to the admin and the manager, with a condition that holds for both.
    const mgr = demoLogins().manager.login
    const me = (await apiGet(page, '/me')).user
    await page.locator('[data-test=menu-admin-subscriptions]').click()
    await page.locator('[data-test=sub-create]').click()
    const drawer = page.locator('[data-test=sub-drawer]')
    await drawer.locator('[data-test=sub-page]').click()
    await page.locator('.el-select-dropdown__item[data-test=sub-page-do-progress]').click()
    await drawer.locator('[data-test=sub-users]').click()
    await page.locator(`.el-select-dropdown__item[data-test="sub-user-${me.login}"]`).click()
    await page.locator(`.el-select-dropdown__item[data-test="sub-user-${mgr}"]`).click()
    await page.keyboard.press('Escape')
    // The page's parameters, each labelled (declared per page in pages.ts).
    for (const [name, label] of [['period', '周期（月）'], ['level', '层级'], ['metric', '指标'], ['region', '区域']])
      assert.equal((await drawer.locator(`[data-test=sub-param-${name}] .el-form-item__label`).innerText()).trim(), label)
    await drawer.locator('[data-test=sub-kind-weekly]').click()
    // Before saving: the next three runs, as the server's preview computes them.
    const want = (await apiGet(page, '/subscriptions/schedule-preview?schedule=' + encodeURIComponent('weekly mon 08:30'))).next_runs
    await page.waitForFunction((w) => [...document.querySelectorAll('[data-test=sub-preview] li')].map((x) => x.textContent.trim()).join('|') === w.join('|'), want)
    assert.equal(want.length, 3)
    await drawer.locator('[data-test=sub-format-pdf]').click()
    await drawer.locator('[data-test=sub-condition-on]').click()
    await input(drawer, 'sub-cond-value').fill('100')       // completion − time progress < 100 points
    await drawer.locator('[data-test=sub-save]').click()
    await drawer.locator('[data-test=sub-next-runs] li').nth(4).waitFor()
    const subs = (await apiGet(page, '/subscriptions')).subscriptions
    const sub = subs.reduce((a, s) => (s.id > a.id ? s : a))
    assert.equal(sub.page, 'do/progress')
    assert.equal(sub.schedule, 'weekly mon 08:30')
    assert.deepEqual(sub.condition, { metric: 'completion_minus_time_progress', op: '<', value: 1 })
    assert.deepEqual(sub.formats.sort(), ['pdf', 'xlsx'])
    assert.equal(sub.recipients.users.length, 2)
    const shown = await drawer.locator('[data-test=sub-next-runs] li').allInnerTexts()
    assert.deepEqual(shown, sub.next_runs)
    await shot(page, 'push-subscription-form-zh-1440', { fullPage: false })
    await page.keyboard.press('Escape')
    assert.equal(await page.locator(`[data-test=sub-schedule-${sub.id}]`).innerText(), '每周一 08:30')   // the list says it in words
    await page.locator(`[data-test=sub-send-${sub.id}]`).click()
    await page.locator('.el-message--success').last().waitFor()
    await shot(page, 'push-subscriptions-zh-1440')

    // 推送记录: both deliveries sent, as SQL says; the mails arrived.
    await page.locator('[data-test=menu-admin-deliveries]').click()
    await page.locator('[data-test=deliveries-table] .el-table__body tbody tr').first().waitFor()
    const ids = () => sql(`SELECT id, state FROM deliveries WHERE subscription = ${sub.id} ORDER BY id`)
    for (const end = Date.now() + 30000; Date.now() < end && !ids().every((d) => d.state === 'sent'); ) await page.waitForTimeout(300)
    const done = ids()
    assert.equal(done.length, 2)
    await page.locator('[data-test=log-reload]').click()
    await noMask(page)
    for (const d of done) assert.equal(await page.locator(`[data-test=log-state-tag-${d.id}]`).innerText(), '已发送')
    // "sent" is written when the SMTP server accepts; its files may land a moment later.
    const both = (m) => m.includes(`${me.login}@example.test`) && m.includes(`${mgr}@example.test`)
    for (const end = Date.now() + 10000; Date.now() < end && !both(rcpts()); ) await page.waitForTimeout(200)
    assert.ok(both(rcpts()), rcpts().join(', '))
    // The stored files open again.
    const file = page.locator(`[data-test=log-file-${done[0].id}-0]`)
    assert.equal(await file.getAttribute('href'), `/api/v1/deliveries/${done[0].id}/files/0`)
    const status = await page.evaluate(async (u) => (await fetch(u)).status, await file.getAttribute('href'))
    assert.equal(status, 200)
    await shot(page, 'push-deliveries-zh-1440')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('a manager sees only their own deliveries; the pages at 375 and in English', async () => {
  for (const [role, lang, width] of [['manager', 'zh-CN', 375], ['manager', 'en', 1440], ['admin', 'en', 375], ['admin', 'en', 1440]]) {
    const b = await openBrowser({ width, height: 812 })
    const { page } = b
    try {
      await page.addInitScript((l) => localStorage.setItem('salesloop.locale', l), lang)
      await login(page, role)
      const me = (await apiGet(page, '/me')).user
      await page.goto(BASE_URL + '/admin/deliveries')
      await page.locator('[data-test=deliveries-table] .el-table__body tbody tr').first().waitFor()
      await noMask(page)
      const api = await apiGet(page, '/deliveries?page_size=20')
      if (role === 'manager') {
        const mine = sql(`SELECT count(*) AS n FROM deliveries WHERE recipient = ${me.id}`)[0].n
        assert.equal(api.total, mine)
        assert.ok(mine >= 1)
        assert.ok(api.deliveries.every((d) => d.recipient === me.id))
      }
      const names = await page.locator('[data-test=deliveries-table] .el-table__body tbody tr td:nth-child(4)').allInnerTexts()
      assert.deepEqual(names.map((s) => s.trim()), api.deliveries.map((d) => d.recipient_name))
      await shot(page, `push-deliveries-${role}-${lang}-${width}`)
      await page.goto(BASE_URL + '/admin/subscriptions')
      await page.locator('[data-test=subs-page]').waitFor()
      await noMask(page)
      await shot(page, `push-subscriptions-${role}-${lang}-${width}`)
      if (role === 'admin') {   // the drawer's labelled parameters and the schedule in words
        const sched = await page.locator('[data-test^=sub-schedule-]').first().innerText()
        assert.match(sched, /^(Mondays|Daily|Monthly|Quarterly|Cron)/)
        await page.locator('[data-test=sub-create]').click()
        const drawer = page.locator('[data-test=sub-drawer]')
        await drawer.locator('[data-test=sub-param-period] .el-form-item__label').waitFor()
        await drawer.locator('[data-test=sub-preview] li').nth(2).waitFor()
        await shot(page, `push-subscription-form-${lang}-${width}`, { fullPage: false })
        await page.keyboard.press('Escape')
      }
      if (role === 'manager') {
        await page.goto(BASE_URL + '/admin/channels')    // the admins' only
        await page.waitForFunction(() => location.pathname === '/403')
      } else {
        await page.goto(BASE_URL + '/admin/channels')
        await page.locator('[data-test=smtp-host]').waitFor()
        await shot(page, `push-channels-${lang}-${width}`)
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await b.close()
    }
  }
})
