/** Renderer entry: Pinia, the router (guarded by the session) and Element Plus' styles; components are imported where used. */
import 'element-plus/dist/index.css';
import './styles/app.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHashHistory } from 'vue-router';
import App from './App.vue';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';

const pinia = createPinia();
const router = createAppRouter(createWebHashHistory(), () => useSessionStore(pinia).accessState());
createApp(App).use(pinia).use(router).mount('#app');
