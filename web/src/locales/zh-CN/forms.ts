export default {
  forms: {
    payment: {
      title: '回款登记', date: '回款日期', amount: '回款金额（元）', open: '未回款 {amount}', submit: '登记回款',
      saved: '已登记回款 {amount}', required: '请填写', positive: '金额应大于 0', tooMuch: '不能超过未回款金额',
    },
  },
}
