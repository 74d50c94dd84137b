// People as shown: employee numbers beside rep names, roles beside users, and the to-dos
// and met goals of issue 9 items 8, 12 and 15.
export default {
  people: {
    employeeNo: '工号',
    title: { admin: '系统管理员', executive: '总经理', manager: '{region}经理', managerNoRegion: '区域经理', rep: '销售代表' },
    todosOf: '{name}的待办（会议决议与行动项）',
    myTodos: '我的待办（会议决议与行动项）',
    goalMet: '目标已达成，待确认完成',
    goalMetShort: '目标已达成',
    confirmDone: '确认完成',
    confirmed: '已标记为已完成',
  },
}
