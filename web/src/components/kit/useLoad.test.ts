import { describe, it, expect } from 'vitest'
import { useLoad } from './useLoad'

describe('useLoad', () => {
  it('keeps the answer, then the error of a failed load (data cleared)', async () => {
    let fail = false
    const l = useLoad(async () => { if (fail) throw new Error('nope'); return 7 })
    await l.load()
    expect([l.data.value, l.error.value, l.loading.value]).toEqual([7, null, false])
    fail = true
    await l.load()
    expect(l.data.value).toBeNull()
    expect(l.error.value?.message).toBe('nope')
  })
  it('shows only the latest of overlapping loads', async () => {
    const waits: ((v: number) => void)[] = []
    const l = useLoad(() => new Promise<number>((r) => waits.push(r)))
    const a = l.load(); const b = l.load()
    waits[1](2); waits[0](1)
    await Promise.all([a, b])
    expect(l.data.value).toBe(2)
  })
})
