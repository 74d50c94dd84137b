// A tiny cookie-keeping HTTP client for the API, and logging in as a demo user.
import { readLogins } from './logins.mjs';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

// POST /api/v1/session with fetch, nothing kept: the raw Response (status, Set-Cookie).
export function postSession(base, login, password, headers = {}) {
  return fetch(base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ login, password }),
  });
}

export class Client {
  constructor(lang = 'zh-CN', base = BASE) { this.cookie = ''; this.csrf = ''; this.lang = lang; this.base = base; }
  async req(method, path, body, { csrf = true, raw = false, headers: extra = {} } = {}) {
    const headers = { 'Accept-Language': this.lang, ...extra };
    if (this.cookie) headers.Cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = raw ? body : JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
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

// A client logged in as the index-th demo user of the role; .user is the session's user.
export async function as(role, index = 0) {
  const u = readLogins()[role][index];
  const c = new Client();
  const r = await c.login(u.login, u.password);
  if (r.status !== 200) throw new Error(`login as ${role} failed: ${r.status} ${JSON.stringify(r.json)}`);
  c.user = r.json.user;
  return c;
}
