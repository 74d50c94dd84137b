// A stand-in for the C++ server while it is being built: implements the /api/v1 contract
// used by the web app with small fake data and serves web/dist with SPA fallback.
// Run: node tests/browser/mock-server.mjs  (PORT=8080, MOCK_TODAY=2026-11-27)
// Demo logins it accepts are in demo-logins.mock.txt beside this file.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const DIST = path.resolve(here, '../../web/dist')
const PORT = Number(process.env.PORT || 8080)
const TODAY = process.env.MOCK_TODAY || '2026-11-27'

const regions = [
  { id: 1, name: '全国公司', parent: null, level: 0 },
  { id: 2, name: '华东大区', parent: 1, level: 1 },
  { id: 3, name: '华南大区', parent: 1, level: 1 },
  { id: 4, name: '华北大区', parent: 1, level: 1 },
  { id: 21, name: '江苏', parent: 2, level: 2 },
  { id: 22, name: '浙江', parent: 2, level: 2 },
  { id: 31, name: '广东', parent: 3, level: 2 },
  { id: 41, name: '北京', parent: 4, level: 2 },
]
const reps = [
  { id: 101, name: '张伟', region: 2 }, { id: 102, name: '王芳', region: 2 }, { id: 103, name: '李娜', region: 2 },
  { id: 104, name: '刘洋', region: 3 }, { id: 105, name: '陈静', region: 3 },
  { id: 106, name: '杨磊', region: 4 }, { id: 107, name: '赵敏', region: 4 }, { id: 108, name: '黄强', region: 4 },
]
const users = [
  { id: 1, login: 'admin', password: 'admin-pass-1', display_name: '系统管理员', role: 'admin', region: null, rep: null },
  { id: 2, login: 'exec.ceo', password: 'exec-pass-1', display_name: '周总', role: 'executive', region: null, rep: null },
  { id: 3, login: 'mgr.east', password: 'mgr-pass-1', display_name: '孙经理', role: 'manager', region: 2, rep: null },
  { id: 4, login: 'rep.zhang', password: 'rep-pass-1', display_name: '张伟', role: 'rep', region: 2, rep: 101 },
]

// targets: "YYYY-MM/metric/owner/id" → fen
const targets = new Map()
const audit = []
const W = 1_000_000 // fen per 万元
function hash(s) { let h = 2166136261; for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619); return (h >>> 0) / 4294967296 }
for (const y of [2025, 2026]) for (let m = 1; m <= 12; m++) for (const metric of ['sales', 'collection']) {
  const mm = `${y}-${String(m).padStart(2, '0')}`
  let company = 0
  for (const r of regions.filter((x) => x.level === 1)) {
    let sum = 0
    for (const p of reps.filter((x) => x.region === r.id)) {
      const v = Math.round(40 + 60 * hash(`${mm}${metric}${p.id}`)) * W * (metric === 'collection' ? 0.8 : 1)
      targets.set(`${mm}/${metric}/rep/${p.id}`, v)
      sum += v
    }
    const rv = sum + (r.id === 3 ? 5 * W : 0) // one region disagrees with its reps, to show the difference row
    targets.set(`${mm}/${metric}/region/${r.id}`, rv)
    company += rv
  }
  targets.set(`${mm}/${metric}/company/1`, company)
}

// daily actuals per rep: skill × seasonality × noise, fen
function dailyActual(repId, date, metric) {
  const skill = { 101: 1.25, 102: 0.95, 103: 0.7, 104: 1.05, 105: 0.85, 106: 1.1, 107: 0.6, 108: 1.0 }[repId]
  const base = 2.6 * W * skill * (metric === 'collection' ? 0.75 : 1)
  return Math.round(base * (0.4 + 1.2 * hash(`${repId}${date}${metric}`)) / 100) * 100
}

const DAY = 86400000
const toD = (s) => Date.parse(s + 'T00:00:00Z')
const fmt = (t) => new Date(t).toISOString().slice(0, 10)
function periodOf(p) {
  let y, m1, m2, label
  if (/^\d{4}-\d{2}$/.test(p)) { y = +p.slice(0, 4); m1 = m2 = +p.slice(5); label = p }
  else if (/^\d{4}-Q[1-4]$/.test(p)) { y = +p.slice(0, 4); const q = +p.slice(6); m1 = q * 3 - 2; m2 = q * 3; label = p }
  else if (/^\d{4}$/.test(p)) { y = +p; m1 = 1; m2 = 12; label = p }
  else return null
  const first = Date.UTC(y, m1 - 1, 1), last = Date.UTC(y, m2, 0)
  const months = []
  for (let m = m1; m <= m2; m++) months.push(`${y}-${String(m).padStart(2, '0')}`)
  return { label, first, last, months, days: Math.round((last - first) / DAY) + 1 }
}
function rowFor(owner, id, name, per, asOf, metric) {
  const repIds = owner === 'rep' ? [id] : owner === 'region' ? reps.filter((r) => r.region === id).map((r) => r.id) : reps.map((r) => r.id)
  const target = per.months.reduce((s, mm) => s + (targets.get(`${mm}/${metric}/${owner}/${id}`) ?? 0), 0)
  const end = Math.min(asOf, per.last)
  let actual = 0
  for (let t = per.first; t <= end; t += DAY) for (const r of repIds) actual += dailyActual(r, fmt(t), metric)
  const elapsed = asOf < per.first ? 0 : Math.round((end - per.first) / DAY) + 1
  const tp = elapsed / per.days
  const completion = target > 0 ? actual / target : null
  const gap = completion === null ? null : completion - tp
  const status = gap === null || gap >= 0 ? 'ahead' : gap >= -0.1 ? 'at_risk' : 'behind'
  const remaining = per.days - elapsed
  return {
    id, name, target, actual, completion, time_progress: tp, gap, status,
    required_daily: remaining > 0 ? Math.round((target - actual) / remaining) : null,
    projected: elapsed > 0 ? Math.round(actual / elapsed * per.days) : null,
    _elapsed: elapsed,
  }
}
const strip = (r) => { if (!r) return r; const { _elapsed, ...x } = r; return x }

const sessions = new Map() // sid → {user, csrf}
function send(res, status, body, headers = {}) {
  const data = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(data)
}
function err(res, status, code, message, field) { send(res, status, { error: { code, message, field: field ?? null } }) }
const zh = (req) => !String(req.headers['accept-language'] || 'zh-CN').startsWith('en')
function pub(u) { const { password, ...x } = u; return x }
function readBody(req) {
  return new Promise((ok) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => { try { ok(JSON.parse(b || '{}')) } catch { ok(null) } }) })
}
function sessionOf(req) {
  const m = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie || '')
  return m ? sessions.get(m[1]) : undefined
}
const monthKey = (y, m) => `${y}-${String(m).padStart(2, '0')}`
const lockedBefore = () => TODAY.slice(0, 7)

async function api(req, res, url) {
  const p = url.pathname.slice('/api/v1'.length)
  const q = Object.fromEntries(url.searchParams)
  if (p === '/meta' && req.method === 'GET') return send(res, 200, { today: TODAY, version: 'mock' })
  if (p === '/session' && req.method === 'POST') {
    const b = await readBody(req)
    const u = users.find((x) => x.login === b?.login && x.password === b?.password)
    if (!u) return err(res, 401, 'bad_credentials', zh(req) ? '账号或密码错误' : 'Wrong login or password')
    const sid = crypto.randomBytes(16).toString('hex'), csrf = crypto.randomBytes(16).toString('hex')
    sessions.set(sid, { user: u, csrf })
    return send(res, 200, { user: pub(u), csrf }, { 'Set-Cookie': `sid=${sid}; HttpOnly; Path=/; SameSite=Lax` })
  }
  const s = sessionOf(req)
  if (!s) return err(res, 401, 'unauthenticated', zh(req) ? '请先登录' : 'Please sign in')
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && req.headers['x-csrf-token'] !== s.csrf)
    return err(res, 403, 'csrf', 'CSRF token missing or wrong')
  const u = s.user
  if (p === '/session' && req.method === 'DELETE') {
    for (const [k, v] of sessions) if (v === s) sessions.delete(k)
    res.writeHead(204, { 'Set-Cookie': 'sid=; Path=/; Max-Age=0' }); return res.end()
  }
  if (p === '/me') return send(res, 200, { user: pub(u), csrf: s.csrf })
  if (p === '/regions') {
    const list = u.role === 'manager' ? regions.filter((r) => r.id === u.region || r.parent === u.region)
      : u.role === 'rep' ? regions.filter((r) => r.id === u.region) : regions
    return send(res, 200, { regions: list })
  }
  if (p === '/do/progress') {
    const per = periodOf(q.period || '')
    if (!per) return err(res, 422, 'invalid_field', zh(req) ? '周期格式错误' : 'Bad period', 'period')
    const asOf = toD(q.as_of || TODAY), metric = q.metric === 'collection' ? 'collection' : 'sales'
    let level = q.level || 'company', parent = null, rows = []
    const company = () => rowFor('company', 1, '全国公司', per, asOf, metric)
    if (u.role === 'rep') {
      level = 'rep'
      const me = reps.find((r) => r.id === u.rep)
      rows = [rowFor('rep', me.id, me.name, per, asOf, metric)]
    } else if (level === 'company') {
      if (u.role === 'manager') return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
      rows = [company()]
    } else if (level === 'region') {
      if (u.role === 'manager') { const r = regions.find((x) => x.id === u.region); rows = [rowFor('region', r.id, r.name, per, asOf, metric)] }
      else { parent = company(); rows = regions.filter((r) => r.level === 1).map((r) => rowFor('region', r.id, r.name, per, asOf, metric)) }
    } else if (level === 'rep') {
      const rid = Number(q.region ?? u.region)
      const r = regions.find((x) => x.id === rid && x.level === 1)
      if (!r) return err(res, 404, 'not_found', zh(req) ? '大区不存在' : 'No such region', 'region')
      if (u.role === 'manager' && rid !== u.region) return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
      parent = rowFor('region', r.id, r.name, per, asOf, metric)
      rows = reps.filter((x) => x.region === rid).map((x) => rowFor('rep', x.id, x.name, per, asOf, metric))
    } else return err(res, 422, 'invalid_field', 'Bad level', 'level')
    const ref = parent ?? rows[0]
    return send(res, 200, {
      period: { label: per.label, first: fmt(per.first), last: fmt(per.last), days: per.days, elapsed: ref?._elapsed ?? 0 },
      as_of: fmt(asOf), metric, level, parent: strip(parent), rows: rows.map(strip),
    })
  }
  if (p === '/targets/grid' && req.method === 'GET') {
    if (u.role === 'rep') return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
    const year = Number(q.year), metric = q.metric === 'collection' ? 'collection' : 'sales', owner = q.owner === 'rep' ? 'rep' : 'region'
    const vals = (o, id) => Array.from({ length: 12 }, (_, i) => targets.get(`${monthKey(year, i + 1)}/${metric}/${o}/${id}`) ?? null)
    if (owner === 'region') {
      if (u.role === 'manager') return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
      return send(res, 200, { year, metric, owner, region: null, locked_before: lockedBefore(), unit: 'fen',
        parent: { id: 1, name: '全国公司', values: vals('company', 1) },
        rows: regions.filter((r) => r.level === 1).map((r) => ({ id: r.id, name: r.name, values: vals('region', r.id) })) })
    }
    const rid = Number(q.region ?? u.region)
    const r = regions.find((x) => x.id === rid && x.level === 1)
    if (!r) return err(res, 404, 'not_found', 'No such region', 'region')
    if (u.role === 'manager' && rid !== u.region) return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
    return send(res, 200, { year, metric, owner, region: { id: r.id, name: r.name }, locked_before: lockedBefore(), unit: 'fen',
      parent: { id: r.id, name: r.name, values: vals('region', r.id) },
      rows: reps.filter((x) => x.region === rid).map((x) => ({ id: x.id, name: x.name, values: vals('rep', x.id) })) })
  }
  if (p === '/targets/grid' && req.method === 'PUT') {
    if (u.role === 'rep') return err(res, 403, 'forbidden', zh(req) ? '无权访问' : 'Forbidden')
    const b = await readBody(req)
    if (!b || !Array.isArray(b.cells)) return err(res, 422, 'invalid_field', 'Bad body', 'cells')
    const owner = b.owner === 'rep' ? 'rep' : 'region'
    if (owner === 'region' && u.role === 'manager') return err(res, 403, 'forbidden', 'Forbidden')
    if (owner === 'rep' && u.role === 'manager' && b.region !== u.region) return err(res, 403, 'forbidden', 'Forbidden')
    for (let i = 0; i < b.cells.length; i++) {
      const c = b.cells[i]
      if (c.value !== null && (!Number.isInteger(c.value) || c.value < 0))
        return err(res, 422, 'invalid_field', zh(req) ? '目标必须是非负整数（分）' : 'Target must be a non-negative integer (fen)', `cells[${i}].value`)
      if (!(c.month >= 1 && c.month <= 12)) return err(res, 422, 'invalid_field', 'Bad month', `cells[${i}].month`)
      if (monthKey(b.year, c.month) < lockedBefore())
        return err(res, 422, 'invalid_field', zh(req) ? '该月份已锁定' : 'That month is locked', `cells[${i}].month`)
      const ok = owner === 'rep' ? reps.some((x) => x.id === c.id && x.region === b.region) : regions.some((x) => x.id === c.id && x.level === 1)
      if (!ok) return err(res, 422, 'invalid_field', 'Unknown row', `cells[${i}].id`)
    }
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    for (const c of b.cells) {
      const k = `${monthKey(b.year, c.month)}/${b.metric}/${owner}/${c.id}`
      const old = targets.get(k) ?? null
      if (c.value === null) targets.delete(k); else targets.set(k, c.value)
      const name = owner === 'rep' ? reps.find((x) => x.id === c.id).name : regions.find((x) => x.id === c.id).name
      audit.push({ at, user: u.login, key: k, name, old, new: c.value, _region: owner === 'rep' ? b.region : null })
    }
    return send(res, 200, { saved: b.cells.length })
  }
  if (p === '/targets/audit') {
    if (u.role === 'rep') return err(res, 403, 'forbidden', 'Forbidden')
    const entries = audit.filter((a) => a.key.startsWith(String(q.year)) && a.key.includes(`/${q.metric || 'sales'}/`)
      && (q.region ? a._region === Number(q.region) : u.role !== 'manager' || a._region === u.region))
      .map(({ _region, ...x }) => x)
    return send(res, 200, { entries })
  }
  return err(res, 404, 'not_found', zh(req) ? '接口不存在' : 'Not found')
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }
function serveStatic(req, res, url) {
  let f = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)))
  if (!f.startsWith(DIST)) { res.writeHead(403); return res.end() }
  if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) {
    if (path.extname(url.pathname) && url.pathname.startsWith('/assets/')) { res.writeHead(404); return res.end() }
    f = path.join(DIST, 'index.html') // SPA fallback
  }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(f)] || 'application/octet-stream' })
  fs.createReadStream(f).pipe(res)
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname.startsWith('/api/v1/')) api(req, res, url).catch((e) => { console.error(e); err(res, 500, 'internal', String(e)) })
  else serveStatic(req, res, url)
}).listen(PORT, '127.0.0.1', () => console.log(`mock server on http://127.0.0.1:${PORT} (today ${TODAY})`))
