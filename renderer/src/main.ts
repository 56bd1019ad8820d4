/** Renderer entry: Pinia, the router and Element Plus' styles; components are imported where used. */
import 'element-plus/dist/index.css';
import './styles/app.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './router';

createApp(App).use(createPinia()).use(createAppRouter()).mount('#app');
