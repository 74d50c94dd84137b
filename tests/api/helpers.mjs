// Shared helpers for the API tests: a tiny cookie-keeping client and the demo logins.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const DB = process.env.DB_PATH;

// "role login password" per line, as `salesloop demo` prints them.
export function logins() {
  const out = {};
  for (const line of readFileSync(process.env.DEMO_LOGINS_FILE, 'utf8').split('\n')) {
    const [role, login, password] = line.trim().split(/\s+/);
    if (!password) continue;
    (out[role] ??= []).push({ login, password });
  }
  return out;
}

export class Client {
  constructor(lang = 'zh-CN') { this.cookie = ''; this.csrf = ''; this.lang = lang; }
  async req(method, path, body, { csrf = true, raw = false, headers: extra = {} } = {}) {
    const headers = { 'Accept-Language': this.lang, ...extra };
    if (this.cookie) headers.Cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = raw ? body : JSON.stringify(body);
    }
    const res = await fetch(BASE + path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: res.status, json, headers: res.headers };
  }
  get(path) { return this.req('GET', path); }
  async login(login, password) {
    const r = await this.req('POST', '/api/v1/session', { login, password });
    if (r.status === 200) this.csrf = r.json.csrf;
    return r;
  }
}

export async function as(role, index = 0) {
  const u = logins()[role][index];
  const c = new Client();
  const r = await c.login(u.login, u.password);
  if (r.status !== 200) throw new Error(`login as ${role} failed: ${r.status} ${JSON.stringify(r.json)}`);
  c.user = r.json.user;
  return c;
}

// The independent oracle: SQL run by the sqlite3 shell on the same database file.
export function sql(query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', DB, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}
