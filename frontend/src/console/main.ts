/** The operator console (index.html). */
import { createApp } from 'vue';
import App from './App.vue';
import './console.css';
import { i18n, locale } from './i18n';
import { router } from './router';
import { ensureMe } from './session';
import { showToast } from './composables/useToast';

document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
void ensureMe();
const app = createApp(App);
// A bug in a handler must not fail silently: the operator sees it and can report it.
app.config.errorHandler = (err) => {
  console.error(err);
  showToast(err instanceof Error ? err.message : String(err), 'error');
};
app.use(i18n).use(router).mount('#app');
