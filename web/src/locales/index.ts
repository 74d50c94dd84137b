import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Locale } from '../utils/format'

const KEY = 'salesloop.locale'

export function savedLocale(): Locale {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null
  return v === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return (i18n.global.locale as unknown as { value: Locale }).value
}

export function setLocale(l: Locale) {
  ;(i18n.global.locale as unknown as { value: Locale }).value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}
