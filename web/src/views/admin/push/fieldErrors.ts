// The 422 of a push form lands beside the field the API names ("smtp.port", "channels", …);
// a field the form does not show lands in `body`.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '../../../api/http'

export function useFieldErrors(fields: readonly string[]) {
  const errors = reactive<Record<string, string>>(Object.fromEntries([...fields, 'body'].map((f) => [f, ''])))
  const clear = () => { for (const k of Object.keys(errors)) errors[k] = '' }
  /** true when err was shown (a 4xx/5xx with a message), false to rethrow */
  function show(err: unknown): boolean {
    if (!(err instanceof ApiError) || err.status === 0) return false
    const f = err.field && err.field in errors ? err.field : 'body'
    errors[f] = err.message
    if (f === 'body') ElMessage.error(err.message)
    return true
  }
  return { errors, clear, show }
}
