/**
 * Routes of the app. The left navigation is built from the routes that
 * carry `meta.nav`, so a new screen appears there by adding its route here.
 * Hash history: the packaged app loads the page from a file:// URL.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw, type Router, type RouterHistory } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title: the navigation label, the page heading and part of the window title. */
    title?: string;
    /** Listed in the left navigation. */
    nav?: boolean;
  }
}

export const productName = '学籍工作台';

export const routes: readonly RouteRecordRaw[] = [
  { path: '/', redirect: '/system' },
  {
    path: '/system',
    name: 'system',
    component: () => import('./views/SystemInfoView.vue'),
    meta: { title: '系统信息', nav: true },
  },
  { path: '/:unknown(.*)*', redirect: '/system' },
];

export interface NavItem {
  readonly path: string;
  readonly title: string;
}

export function navigationItems(list: readonly RouteRecordRaw[] = routes): NavItem[] {
  return list.flatMap((route) =>
    route.meta?.nav && route.meta.title ? [{ path: route.path, title: route.meta.title }] : [],
  );
}

export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  const router = createRouter({ history, routes: [...routes] });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${productName}` : productName;
  });
  return router;
}
