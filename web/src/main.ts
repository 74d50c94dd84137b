import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus comes per component (vite.config.ts); these are the styles of the parts used from
// script rather than from a template tag, which the component resolver cannot see.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './App.vue'
import { i18n } from './locales'
import { router } from './router'
import './style.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)
app.mount('#app')
