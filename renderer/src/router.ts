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
    /** Listed in the left navigation. */
    nav?: boolean;
    /** Reachable before login and in every state. */
    public?: boolean;
    /** A page of its own, without the navigation frame (setup, login). */
    entry?: boolean;
    /** The contract method the page needs; the page is offered only to roles that may call it. */
    requires?: ApiMethod;
  }
}

export const productName = '学籍工作台';

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
    meta: { title: '首页', nav: true, requires: 'reportActivity' },
  },
  {
    path: '/school',
    component: () => import('./views/SchoolView.vue'),
    meta: { title: '学校信息', nav: true, requires: 'getSchoolProfile' },
  },
  {
    path: '/terms',
    component: () => import('./views/TermsView.vue'),
    meta: { title: '学年学期', nav: true, requires: 'listTerms' },
  },
  {
    path: '/enrollment',
    component: () => import('./views/EnrollmentPlanView.vue'),
    meta: { title: '招生计划', nav: true, requires: 'listEnrollmentPlans' },
  },
  {
    path: '/classes',
    component: () => import('./views/ClassesView.vue'),
    meta: { title: '班级管理', nav: true, requires: 'listClasses' },
  },
  {
    path: '/students',
    component: () => import('./views/StudentsView.vue'),
    meta: { title: '学生名册', nav: true, requires: 'listStudents' },
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
    meta: { title: '学籍异动', nav: true, requires: 'listCases' },
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
    meta: { title: '毕业办理', nav: true, requires: 'listGraduateCandidates' },
  },
  {
    path: '/promotion',
    component: () => import('./views/PromotionView.vue'),
    meta: { title: '学年升级', nav: true, requires: 'previewPromotion' },
  },
  {
    path: '/verification',
    component: () => import('./views/VerificationView.vue'),
    meta: { title: '学籍核对', nav: true, requires: 'listVerification' },
  },
  {
    path: '/backups',
    component: () => import('./views/BackupView.vue'),
    meta: { title: '备份与恢复', nav: true, requires: 'listBackups' },
  },
  {
    path: '/import',
    component: () => import('./views/ImportView.vue'),
    meta: { title: '导入学生', nav: true, requires: 'dryRunImport' },
  },
  {
    path: '/export',
    component: () => import('./views/ExportView.vue'),
    // Auditors see the page too: they may verify what the school handed over (the export itself is refused to them).
    meta: { title: '导出审查材料', nav: true, requires: 'verifyExport' },
  },
  {
    path: '/accounts',
    component: () => import('./views/AccountsView.vue'),
    meta: { title: '账号管理', nav: true, requires: 'listAccounts' },
  },
  {
    path: '/audit',
    component: () => import('./views/AuditLogView.vue'),
    meta: { title: '访问日志', nav: true, requires: 'listAuditEvents' },
  },
  {
    path: '/settings/security',
    component: () => import('./views/SecurityPolicyView.vue'),
    meta: { title: '密码与安全策略', nav: true, requires: 'updatePasswordPolicy' },
  },
  {
    path: paths.system,
    component: () => import('./views/SystemInfoView.vue'),
    meta: { title: '系统信息', nav: true, public: true },
  },
  { path: '/:unknown(.*)*', redirect: paths.home },
];

export interface NavItem {
  readonly path: string;
  readonly title: string;
}

/** The navigation this session may use: routes with `meta.nav` whose required method its role may call. */
export function navigationItems(session: SessionInfo | null, list: readonly RouteRecordRaw[] = routes): NavItem[] {
  return list.flatMap((route) => {
    const meta = route.meta;
    if (!meta?.nav || !meta.title) return [];
    if (meta.requires && !mayCall(session, meta.requires)) return [];
    return [{ path: route.path, title: meta.title }];
  });
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
  const router = createRouter({ history, routes: [...routes] });
  if (accessState) {
    router.beforeEach(async (to) => accessRedirect(await accessState(), to) ?? true);
  }
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${productName}` : productName;
  });
  return router;
}
