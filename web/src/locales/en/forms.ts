export default {
  forms: {
    payment: {
      title: 'Record a payment', date: 'Payment date', amount: 'Amount (yuan)', open: 'Open {amount}', submit: 'Record payment',
      saved: 'Payment of {amount} recorded', required: 'Required', positive: 'The amount must be above 0',
      tooMuch: 'At most what is open',
    },
  },
}
