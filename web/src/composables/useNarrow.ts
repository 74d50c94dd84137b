// Whether the screen is phone-narrow (≤ 640 px), kept up to date as the window resizes.
import { onBeforeUnmount, ref } from 'vue'

export const NARROW_QUERY = '(max-width: 640px)'

export function useNarrow() {
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(mq?.matches ?? false)
  const update = (e: MediaQueryListEvent) => { narrow.value = e.matches }
  mq?.addEventListener('change', update)
  onBeforeUnmount(() => mq?.removeEventListener('change', update))
  return narrow
}
