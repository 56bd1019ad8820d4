/**
 * Routes of the app. The left navigation is built from the routes that
 * carry `meta.nav`, filtered by the contract's access table, so a new
 * screen appears there (for the right roles) by adding its route here.
 * Hash history: the packaged app loads the page from a file:// URL.
 */
import {
  createRouter,
  createWebHashHistory,
  type RouteLocationNormalized,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import type { ApiMethod } from '../../shared/api';
import type { SessionInfo } from '../../shared/accounts';
import { type AccessState, mayCall, paths, redirectFor } from './access';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title: the navigation label, the page heading and part of the window title. */
    title?: string;
    /** Listed in the left navigation, in this group (`navGroups`). */
    nav?: NavGroup;
    /** Reachable before login and in every state. */
    public?: boolean;
    /** A page of its own, without the navigation frame (setup, login). */
    entry?: boolean;
    /** The contract method the page needs; the page is offered only to roles that may call it. */
    requires?: ApiMethod;
  }
}

export const productName = '学籍工作台';

/**
 * The navigation's groups in their order, each with its heading (首页 stands
 * above them, without one). A route joins a group by naming it in `meta.nav`.
 */
export const navGroups = {
  home: null,
  register: '学籍',
  changes: '异动与毕业',
  review: '审查与自查',
  system: '系统',
} as const satisfies Record<string, string | null>;

export type NavGroup = keyof typeof navGroups;

export const routes: readonly RouteRecordRaw[] = [
  { path: '/', redirect: paths.home },
  {
    path: paths.setup,
    component: () => import('./views/SetupView.vue'),
    meta: { title: '设置向导', entry: true },
  },
  {
    path: paths.login,
    component: () => import('./views/LoginView.vue'),
    meta: { title: '登录', entry: true },
  },
  {
    path: paths.changePassword,
    component: () => import('./views/ChangePasswordView.vue'),
    meta: { title: '修改密码', requires: 'changePassword' },
  },
  {
    path: paths.home,
    component: () => import('./views/HomeView.vue'),
    meta: { title: '首页', nav: 'home', requires: 'reportActivity' },
  },
  {
    path: '/school',
    component: () => import('./views/SchoolView.vue'),
    meta: { title: '学校信息', nav: 'register', requires: 'getSchoolProfile' },
  },
  {
    path: '/terms',
    component: () => import('./views/TermsView.vue'),
    meta: { title: '学年学期', nav: 'register', requires: 'listTerms' },
  },
  {
    path: '/enrollment',
    component: () => import('./views/EnrollmentPlanView.vue'),
    meta: { title: '招生计划', nav: 'register', requires: 'listEnrollmentPlans' },
  },
  {
    path: '/classes',
    component: () => import('./views/ClassesView.vue'),
    meta: { title: '班级管理', nav: 'register', requires: 'listClasses' },
  },
  {
    path: '/students',
    component: () => import('./views/StudentsView.vue'),
    meta: { title: '学生名册', nav: 'register', requires: 'listStudents' },
  },
  {
    path: '/students/new',
    component: () => import('./views/StudentView.vue'),
    meta: { title: '登记学生', requires: 'registerStudent' },
  },
  {
    path: '/students/:id(\\d+)',
    component: () => import('./views/StudentView.vue'),
    meta: { title: '学生档案', requires: 'getStudent' },
  },
  {
    path: '/cases',
    component: () => import('./views/CasesView.vue'),
    meta: { title: '学籍异动', nav: 'changes', requires: 'listCases' },
  },
  {
    path: '/cases/new',
    component: () => import('./views/CaseNewView.vue'),
    meta: { title: '新建学籍事项', requires: 'openCase' },
  },
  {
    path: '/cases/:id(\\d+)',
    component: () => import('./views/CaseView.vue'),
    meta: { title: '学籍事项', requires: 'getCase' },
  },
  {
    path: '/graduation',
    component: () => import('./views/GraduationView.vue'),
    meta: { title: '毕业办理', nav: 'changes', requires: 'listGraduateCandidates' },
  },
  {
    path: '/promotion',
    component: () => import('./views/PromotionView.vue'),
    meta: { title: '学年升级', nav: 'changes', requires: 'previewPromotion' },
  },
  {
    path: '/verification',
    component: () => import('./views/VerificationView.vue'),
    meta: { title: '学籍核对', nav: 'review', requires: 'listVerification' },
  },
  {
    path: '/backups',
    component: () => import('./views/BackupView.vue'),
    meta: { title: '备份与恢复', nav: 'system', requires: 'listBackups' },
  },
  {
    path: '/import',
    component: () => import('./views/ImportView.vue'),
    meta: { title: '导入学生', nav: 'register', requires: 'dryRunImport' },
  },
  {
    path: '/export',
    component: () => import('./views/ExportView.vue'),
    // Auditors see the page too: they may verify what the school handed over (the export itself is refused to them).
    meta: { title: '导出审查材料', nav: 'review', requires: 'verifyExport' },
  },
  {
    path: '/inspection',
    name: 'inspection',
    component: () => import('./views/InspectionView.vue'),
    meta: { title: '自查报告', nav: 'review', requires: 'getSelfInspection' },
  },
  {
    path: '/accounts',
    component: () => import('./views/AccountsView.vue'),
    meta: { title: '账号管理', nav: 'system', requires: 'listAccounts' },
  },
  {
    path: '/audit',
    component: () => import('./views/AuditLogView.vue'),
    meta: { title: '访问日志', nav: 'review', requires: 'listAuditEvents' },
  },
  {
    path: '/settings/security',
    component: () => import('./views/SecurityPolicyView.vue'),
    meta: { title: '密码与安全策略', nav: 'system', requires: 'updatePasswordPolicy' },
  },
  {
    path: paths.system,
    component: () => import('./views/SystemInfoView.vue'),
    meta: { title: '系统信息', nav: 'system', public: true },
  },
  { path: '/:unknown(.*)*', redirect: paths.home },
];

/** A link to one of the app's pages. */
export interface PageLink {
  readonly path: string;
  readonly title: string;
}

/** A page in the left navigation, under its group's heading. */
export interface NavItem extends PageLink {
  readonly group: NavGroup;
}

/**
 * The navigation this session may use: routes with `meta.nav` whose required
 * method its role may call, group by group in `navGroups` order, each group
 * in the order of its routes.
 */
export function navigationItems(session: SessionInfo | null, list: readonly RouteRecordRaw[] = routes): NavItem[] {
  const items = list.flatMap((route) => {
    const meta = route.meta;
    if (!meta?.nav || !meta.title) return [];
    if (meta.requires && !mayCall(session, meta.requires)) return [];
    return [{ path: route.path, title: meta.title, group: meta.nav }];
  });
  const order = Object.keys(navGroups);
  return items.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** The access decision for a resolved route. */
export function accessRedirect(state: AccessState, to: RouteLocationNormalized): string | null {
  return redirectFor(state, { path: to.path, public: to.meta.public, requires: to.meta.requires });
}

/**
 * The router. `accessState` is asked before every navigation (it may wait
 * for the first status read); without it (tests of routes alone) every
 * page is reachable.
 */
export function createAppRouter(
  history: RouterHistory = createWebHashHistory(),
  accessState?: () => Promise<AccessState>,
): Router {
  const router = createRouter({
    history,
    routes: [...routes],
    // A new page opens at its top (back and forward return where the clerk was); a page's own filters in the
    // address keep the list where it is.
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
  });
  if (accessState) {
    router.beforeEach(async (to) => accessRedirect(await accessState(), to) ?? true);
  }
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${productName}` : productName;
  });
  return router;
}
