// People as shown: employee numbers beside rep names, roles beside users, and the to-dos
// and met goals of issue 9 items 8, 12 and 15.
export default {
  people: {
    employeeNo: 'Employee no.',
    title: { admin: 'System administrator', executive: 'General manager', manager: '{region} manager', managerNoRegion: 'Regional manager', rep: 'Sales rep' },
    todosOf: "{name}'s to-dos (resolutions and action items)",
    myTodos: 'My to-dos (resolutions and action items)',
    goalMet: 'Goal met, awaiting confirmation',
    goalMetShort: 'Goal met',
    confirmDone: 'Mark done',
    confirmed: 'Marked as done',
  },
}
