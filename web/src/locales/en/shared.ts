// Strings of components shared by several areas.
export default {
  // the dashboard kit (components/kit)
  kit: { exportXlsx: 'Export XLSX', exportCsv: 'Export CSV', loadError: 'The data could not be loaded',
    forbidden: 'You may not see this data', badFilter: 'The filters in this link are not valid', notFound: 'Not found', resetFilters: 'Reset filters',
  },
  sendToMeeting: {
    button: 'To meeting',
    title: 'Add to the next meeting’s agenda',
    none: 'No meeting series is run by you.',
    noPlanned: 'no next meeting planned yet',
    planOn: 'Plan a meeting first, on:',
    send: 'Add to agenda',
    cancel: 'Cancel',
    done: 'Added to the next meeting’s agenda',
  },
}
