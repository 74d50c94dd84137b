// What every fill-in form does around its submit: one submit at a time, and the server's
// refusal (its error names the field) shown beside that field.
import { ref } from 'vue'
import { ApiError } from '../api/http'

/** `run(fn)` runs fn unless a submit is already in flight; `saving` is true meanwhile. */
export function useSubmit() {
  const saving = ref(false)
  async function run(fn: () => Promise<void>) {
    if (saving.value) return
    saving.value = true
    try {
      await fn()
    } finally {
      saving.value = false
    }
  }
  return { saving, run }
}

/** Puts a refusal (an ApiError with one of `statuses`) beside the field it names, or beside
 *  `fallback` when it names none of `errors`' fields. Returns the field used, or undefined when
 *  `err` is not such a refusal (the caller decides whether to rethrow). */
export function placeFieldError(err: unknown, errors: Record<string, string>, fallback: string,
  statuses: number[] = [422, 404]): string | undefined {
  if (!(err instanceof ApiError) || !statuses.includes(err.status)) return undefined
  const field = err.field && err.field in errors ? err.field : fallback
  errors[field] = err.message
  return field
}
