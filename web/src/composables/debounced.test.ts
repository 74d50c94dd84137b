import { describe, expect, it, vi } from 'vitest'
import { debounced } from './debounced'

describe('debounced', () => {
  it('runs once, with the last arguments, after the calls pause', () => {
    vi.useFakeTimers()
    const seen: string[] = []
    const f = debounced((s: string) => seen.push(s), 300)
    f('a'); f('ab'); vi.advanceTimersByTime(299); f('abc')
    vi.advanceTimersByTime(299)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual(['abc'])
    vi.useRealTimers()
  })
})
