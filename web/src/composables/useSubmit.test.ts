import { describe, expect, it, vi } from 'vitest'
vi.mock('../router', () => ({ router: {} }))  // http.ts imports the router, which needs a window
import { ApiError } from '../api/http'
import { placeFieldError, useSubmit } from './useSubmit'

describe('useSubmit', () => {
  it('runs one submit at a time and clears saving even when the submit throws', async () => {
    const { saving, run } = useSubmit()
    let calls = 0
    let release!: () => void
    const first = run(() => { calls++; return new Promise<void>((r) => { release = r }) })
    expect(saving.value).toBe(true)
    await run(async () => { calls++ })  // ignored: the first is in flight
    expect(calls).toBe(1)
    release()
    await first
    expect(saving.value).toBe(false)
    await expect(run(async () => { throw new Error('x') })).rejects.toThrow('x')
    expect(saving.value).toBe(false)
  })
})

describe('placeFieldError', () => {
  it('puts the message beside the named field, else beside the fallback', () => {
    const errors: Record<string, string> = { date: '', amount: '' }
    expect(placeFieldError(new ApiError(422, 'invalid', 'bad date', 'date'), errors, 'amount')).toBe('date')
    expect(errors.date).toBe('bad date')
    expect(placeFieldError(new ApiError(404, 'not_found', 'no contract', 'contract'), errors, 'amount')).toBe('amount')
    expect(errors.amount).toBe('no contract')
  })
  it('leaves other errors to the caller', () => {
    const errors: Record<string, string> = { a: '' }
    expect(placeFieldError(new ApiError(500, 'internal', 'boom'), errors, 'a')).toBeUndefined()
    expect(placeFieldError(new Error('net'), errors, 'a')).toBeUndefined()
    expect(errors.a).toBe('')
    expect(placeFieldError(new ApiError(409, 'conflict', 'last admin'), errors, 'a', [422, 409])).toBe('a')
  })
})
