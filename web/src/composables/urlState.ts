// The dashboards keep their filters in the route query, so a copied link reproduces the view.
// These are the pure parts (read a value, apply a patch, read declared params with their
// defaults); useUrlState and useDashboard wire them to the router.

/** The shape of vue-router's LocationQuery, without importing the router here. */
export type QueryIn = Record<string, string | null | (string | null)[] | undefined>
export type QueryOut = Record<string, string>

/** One value of the query: "" when absent, empty or repeated (a hand-edited URL). */
export function queryValue(query: QueryIn, name: string): string {
  const v = query[name]
  return typeof v === 'string' ? v : ''
}

/** The query with `patch` applied: null or "" removes a key; keys without a single value are dropped. */
export function patchQuery(query: QueryIn, patch: Record<string, string | null | undefined>): QueryOut {
  const out: QueryOut = {}
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v) out[k] = v
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue
    if (v === null || v === '') delete out[k]
    else out[k] = v
  }
  return out
}

export function sameQuery(a: QueryIn, b: QueryOut): boolean {
  const ka = Object.keys(a).filter((k) => typeof a[k] === 'string' && a[k])
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k])
}

export interface ParamSpec {
  /** The value when the URL has none: a constant, or derived from the server's today. */
  default?: string | ((today: string) => string)
  /** The allowed values; anything else in the URL reads as the default. */
  oneOf?: readonly string[]
}
export type ParamSpecs<K extends string = string> = Record<K, ParamSpec>
export type Params<K extends string = string> = Record<K, string>

/** Every declared param from the query, defaults filled in ("" = not set and no default). */
export function readParams<K extends string>(specs: ParamSpecs<K>, query: QueryIn, today: string): Params<K> {
  const out = {} as Params<K>
  for (const name of Object.keys(specs) as K[]) {
    const spec = specs[name]
    const fallback = typeof spec.default === 'function' ? spec.default(today) : spec.default ?? ''
    const v = queryValue(query, name)
    out[name] = v && (!spec.oneOf || spec.oneOf.includes(v)) ? v : fallback
  }
  return out
}
