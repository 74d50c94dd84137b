// The next three runs of the schedule being edited, asked of the server
// (GET /subscriptions/schedule-preview, the scheduler's own code) once the typing stops; a
// schedule the server refuses gives its message instead.
import { ref, watch, type Ref } from 'vue'
import { pushApi } from '../../../api/push'
import { ApiError } from '../../../api/http'
import { debounced } from '../../../composables/debounced'

export function useSchedulePreview(schedule: Ref<string>) {
  const runs = ref<string[]>([])
  const error = ref('')
  let asked = 0
  const ask = debounced(async (text: string) => {
    const mine = ++asked
    try {
      const r = await pushApi.schedulePreview(text)
      if (mine !== asked) return
      runs.value = r.next_runs
      error.value = ''
    } catch (err) {
      if (mine !== asked) return
      runs.value = []
      error.value = err instanceof ApiError && err.status === 422 ? err.message : ''
    }
  }, 300)
  watch(schedule, (text) => ask(text), { immediate: true })
  return { runs, error }
}
