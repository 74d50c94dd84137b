import { describe, expect, it } from 'vitest'
import { catalogMessages } from './catalog'

describe('the shared table catalogue', () => {
  it('gives every key a text in both languages, from the one file the server compiles in', () => {
    const zh = catalogMessages('zh-CN')
    const en = catalogMessages('en')
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
    for (const group of Object.keys(zh)) {
      expect(Object.keys(zh[group]).sort()).toEqual(Object.keys(en[group]).sort())
      for (const key of Object.keys(zh[group])) {
        expect(zh[group][key], `${group}.${key}`).toBeTruthy()
        expect(en[group][key], `${group}.${key}`).toBeTruthy()
      }
    }
    expect(zh.col.month).toBe('月份')
    expect(en.col.month).toBe('Month')
  })
})
