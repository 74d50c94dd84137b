// D2's anomalies grouped by unit, in plain words (issue 9 item 4): the sentences are built
// from the figures the server sends (views/do/anomalyWords.ts).
export default {
  do: {
    anomalies: {
      summary: '{groups} units · {high} high · {medium} medium',
      rest: '{n} more medium anomaly (units with no high one: {groups}) | {n} more medium anomalies (units with no high one: {groups})',
      showAll: 'Show all',
      showHigh: 'High only',
      allMedium: 'No high-severity anomaly in this period; all medium ones below',
      groupCount: '{count} anomaly ({high} high) | {count} anomalies ({high} high)',
      groupCountMedium: '{count} anomaly | {count} anomalies',
      months: '{n} months: {first} to {last}',
      oneMonth: '{month}',
      atStake: 'At stake {amount}',
      atStakeHint: "Amount at stake: for each anomaly the largest gap between actual and what its rules expected (last year's month, the 12-month median, or the target pro rata to time), summed per unit",
      what: 'What happened',
      say: {
        yoy: '{metric} down {pct} on the same month last year ({last} → {now})',
        zBelow: '{metric} {now}, far below the usual month (12-month median {median})',
        zAbove: '{metric} {now}, far above the usual month (12-month median {median})',
        completion: '{metric} at {completion} of target, {points} points behind time progress ({pace} due by now, {now} done; target {target})',
        completionBids: 'Bids won at {completion} of target, {points} points behind time progress ({pace} due by now, {count} won; target {target})',
      },
      stats: {
        z: 'Robust z = {z} (median {median}, MAD {mad}, last 12 months)',
        madZero: 'MAD is 0: scaled by the mean absolute deviation',
        noZ: 'Robust z: too little or flat history, not computed',
        yoy: 'YoY {yoy}',
        completion: 'Completion {completion}, time progress {progress}',
        stake: 'At stake {amount}',
      },
    },
  },
}
