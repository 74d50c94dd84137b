// Strings of components shared by several areas.
export default {
  // the dashboard kit (components/kit)
  kit: { exportXlsx: '导出 XLSX', exportCsv: '导出 CSV', loadError: '数据加载失败',
    forbidden: '无权查看这些数据', badFilter: '链接中的筛选条件无效', notFound: '找不到这些数据', resetFilters: '重置筛选',
  },
  sendToMeeting: {
    button: '提交会议',
    title: '提交到下次会议议程',
    none: '没有由您主持的会议系列。',
    noPlanned: '尚无已安排的下次会议',
    planOn: '先安排一次会议，日期：',
    send: '加入议程',
    cancel: '取消',
    done: '已加入下次会议议程',
  },
}
