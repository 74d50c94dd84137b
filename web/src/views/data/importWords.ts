// Literal keys (the locale test finds them): an import job's state and phase as words, shared by
// the running job (ImportRun.vue) and the list of past imports (ImportHistory.vue).
export const STATE: Record<string, string> = {
  uploaded: 'dataImport.state.uploaded', checking: 'dataImport.state.checking', checked: 'dataImport.state.checked',
  committing: 'dataImport.state.committing', committed: 'dataImport.state.committed',
  cancelled: 'dataImport.state.cancelled', failed: 'dataImport.state.failed', interrupted: 'dataImport.state.interrupted',
}
export const PHASE: Record<string, string> = {
  reading: 'dataImport.phase.reading', checking: 'dataImport.phase.checking', checked: 'dataImport.phase.checked',
  writing: 'dataImport.phase.writing', committed: 'dataImport.phase.committed',
}
