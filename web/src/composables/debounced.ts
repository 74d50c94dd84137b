// A function that runs `fn` only once calls have paused for `ms` (a search box that asks the
// server when the typing stops, not at every key).
export function debounced<A extends unknown[]>(fn: (...args: A) => void, ms = 300): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (...args: A) => {
    clearTimeout(timer)
    timer = setTimeout(() => fn(...args), ms)
  }
}
