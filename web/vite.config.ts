import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus per component: each <el-*> tag (and v-loading) in a template imports that
    // component and its CSS, so a page loads only what it shows (the whole library is ~925 kB
    // of JavaScript and 360 kB of CSS). No components.d.ts: vue-tsc does not type el-* tags here.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    rollupOptions: {
      output: {
        // Only the framework is named: Element Plus and ECharts are split by Rollup along the
        // pages that use them (a chunk listing 'element-plus' or 'echarts/charts' would pull
        // in every component or chart type).
        manualChunks: { vue: ['vue', 'vue-router', 'pinia', 'vue-i18n'] },
      },
    },
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
