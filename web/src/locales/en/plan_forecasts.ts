export default {
  menu: { forecast: 'Monthly sales forecast' },
  forecast: {
    title: 'Monthly sales forecast',
    entry: 'Submit a forecast', month: 'Month', rep: 'Rep', value: 'Forecast sales (10k yuan)', submit: 'Submit forecast', resubmit: 'Resubmit',
    chooseRep: 'Choose a rep', saved: 'Forecast for {month} submitted', open: 'Open', locked: 'Locked',
    lockRule: "A month's forecasts lock at 00:00 Beijing time on day {day}; resubmit as often as you like before that — the last one counts.",
    lockOf: 'Forecasts for {month} lock on {date} at 00:00 Beijing time',
    lockedHint: '{month} is locked and takes no more submissions; open months: {months}',
    submitted: 'Submitted', notSubmitted: 'Not submitted', allSubmitted: 'Every employed rep has submitted',
    team: 'Submissions', mine: 'My submissions',
    accuracy: 'Forecast accuracy', wapeBeside: 'WAPE {wape}', bias: 'Bias', pairs: '{n} rep-months judged',
    window: 'Last {n} complete months ({first} to {last})',
    overPromising: 'Over-promising', sandbagging: 'Sandbagging', even: 'Even',
    chart: 'Forecast vs target vs actual by month', ranking: 'Accuracy ranking (last 6 complete months)', months: 'By month',
    floorNote: 'Accuracy = max(0, 1 − WAPE); WAPE shown beside it',
    search: 'Search by rep name', monthShort: 'Month',
  },
}
