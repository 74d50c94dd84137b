import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Locale } from '../utils/format'
import { catalogMessages } from './catalog'

const KEY = 'salesloop.locale'

export function savedLocale(): Locale {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null
  return v === 'en' ? 'en' : 'zh-CN'
}

type Tree = { [key: string]: string | Tree }

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k]
    into[k] = typeof v === 'object' && typeof cur === 'object' ? merge({ ...cur }, v) : v
  }
  return into
}

// Each area (plan, do, check, act) keeps its strings in locales/<lang>/<area>.ts, merged
// over the shell's strings, so pages of different areas never edit the same file.
function withAreas(base: Tree, areas: Record<string, { default: Tree }>): Tree {
  return Object.keys(areas).sort().reduce((acc, k) => merge(acc, areas[k].default), merge({}, base))
}
const zhAreas = import.meta.glob<{ default: Tree }>('./zh-CN/*.ts', { eager: true })
const enAreas = import.meta.glob<{ default: Tree }>('./en/*.ts', { eager: true })

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': { ...withAreas(zhCN, zhAreas), tables: catalogMessages('zh-CN') },
    en: { ...withAreas(en, enAreas), tables: catalogMessages('en') },
  },
})

export function currentLocale(): Locale {
  return (i18n.global.locale as unknown as { value: Locale }).value
}

export function setLocale(l: Locale) {
  ;(i18n.global.locale as unknown as { value: Locale }).value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}
