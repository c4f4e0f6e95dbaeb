/** The operator console (index.html). */
import { createApp } from 'vue';
import App from './App.vue';
import './console.css';
import { locale } from './i18n';
import { router } from './router';
import { loadMe } from './session';

document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
void loadMe();
createApp(App).use(router).mount('#app');
