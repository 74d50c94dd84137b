// One import for the views: `import { doApi, type ProgressRow } from '../../api'`.
export { api } from './shell'
export { planApi } from './plan'
export { doApi } from './do'
export { checkApi } from './check'
export { actApi } from './act'
export * from './types'
