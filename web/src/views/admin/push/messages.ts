// The strings only the subscription pages use (the parameter fields, the schedule in words, the
// run preview), merged into the messages when this lazy chunk loads, not in the first load's
// eager locales (tests/browser/weight.test.mjs keeps the first dashboard ≤ 500 kB).
import { i18n } from '../../../locales'

i18n.global.mergeLocaleMessage('zh-CN', {
  push: {
    subs: {
      grain: '粒度',
      grainQuarter: '按季度',
      grainMonth: '按月',
      forecastMonth: '预测月份',
      pageDefault: '页面默认',
      allInScope: '收件人可见范围',
      noParams: '该页面按收件人的默认条件生成，无需参数',
      previewRuns: '接下来 3 次推送',
    },
    when: {
      daily: '每天 {time}',
      weekly: '每周{days} {time}',
      monthly: '每月 {day} 日 {time}',
      quarterly: '每季度首日 {time}',
      cron: 'Cron：{cron}',
      sep: '、',
      day: { mon: '一', tue: '二', wed: '三', thu: '四', fri: '五', sat: '六', sun: '日' },
    },
  },
})

i18n.global.mergeLocaleMessage('en', {
  push: {
    subs: {
      grain: 'Grain',
      grainQuarter: 'Quarterly',
      grainMonth: 'Monthly',
      forecastMonth: 'Forecast month',
      pageDefault: 'Page default',
      allInScope: "Recipient's whole scope",
      noParams: "This page is rendered with each recipient's defaults; it takes no parameters",
      previewRuns: 'Next three runs',
    },
    when: {
      daily: 'Daily {time}',
      weekly: '{days} {time}',
      monthly: 'Monthly on day {day}, {time}',
      quarterly: 'Quarterly on the 1st, {time}',
      cron: 'Cron: {cron}',
      sep: ', ',
      day: { mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays', sun: 'Sundays' },
    },
  },
})
