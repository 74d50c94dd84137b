// D pages' default period, early-days figures, unfinished months and rep links (issue 9 items 6, 14, 20).
export default {
  doViews: {
    thisMonth: 'This month',
    lastMonthHint: 'Day {day} of this month: showing last month',
    tooEarly: 'Too early in the period: shown after {days} days (20% of the period)',
    notStarted: 'The period has not started: nothing to project',
    unfinished: '{month} is not over (to {as_of}): the dashed end and hollow point are month to date',
    openCockpit: "Open {name}'s cockpit",
  },
}
