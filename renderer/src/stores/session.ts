/**
 * Who is signed in, and the installation's state: the app's source of truth
 * for routing, the lock screen and the user menu. Core owns the session;
 * this store mirrors `status()` (polled while the window is visible) and
 * updates it from the answers of login, unlock, lock and password changes.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ChangePasswordRequest, LoginRequest, SessionInfo } from '../../../shared/accounts';
import type { ApiFailure, ErrorCode } from '../../../shared/errors';
import type { AppStatus } from '../../../shared/system';
import type { AccessState } from '../access';
import { api, failureOf, onApiFailure } from '../api';
import { useSetupStore } from './setup';

/** How often the status is read while the window is visible. */
export const statusPollMs = 5_000;
/** Activity is reported at most this often: core only needs to know the clerk is still there. */
export const activityThrottleMs = 30_000;

/** Failures after which the session may have changed under us (idle lock, logout elsewhere, restart). */
const sessionFailures: readonly ErrorCode[] = ['SESSION_LOCKED', 'SESSION_REQUIRED', 'PASSWORD_CHANGE_REQUIRED'];
/** Input that counts as the clerk being at the computer. Timers never count. */
const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export const useSessionStore = defineStore('session', () => {
  /** The last status core reported; null until the first answer. */
  const status = shallowRef<AppStatus | null>(null);
  /** Why the last status read failed; null after a success. */
  const statusError = shallowRef<ApiFailure | null>(null);
  /** A login, unlock, lock, logout or password change is in flight. */
  const busy = ref(false);

  const session = computed<SessionInfo | null>(() => status.value?.session ?? null);
  const locked = computed(() => session.value?.locked ?? false);
  /** Signed in with a current password: the app's own screens are open. */
  const signedIn = computed(() => session.value !== null && session.value.mustChangePassword === null);

  let latest = 0;
  let firstRead: Promise<void> | null = null;
  let lastActivityReport = Number.NEGATIVE_INFINITY;

  /** Reads the status afresh; only the newest of overlapping reads is kept. */
  async function refresh(): Promise<void> {
    const request = ++latest;
    try {
      const next = await api.status();
      if (request !== latest) return;
      status.value = next;
      statusError.value = null;
    } catch (caught) {
      if (request === latest) statusError.value = failureOf(caught);
    }
  }

  /** What the router guard decides on; waits for the first status read. */
  async function accessState(): Promise<AccessState> {
    firstRead ??= refresh();
    await firstRead;
    return { status: status.value, recoveryCodePending: useSetupStore().pending };
  }

  /** Replaces the session with one core just returned (or none); a session means the installation is ready. */
  function adopt(next: SessionInfo | null): void {
    ++latest; // a status read already in flight is older than this answer
    status.value = { installation: next ? 'ready' : (status.value?.installation ?? 'ready'), session: next };
  }

  /** Runs one session action; its failure becomes a value the form can show. */
  async function act(action: () => Promise<SessionInfo | null>): Promise<ApiFailure | null> {
    busy.value = true;
    try {
      adopt(await action());
      return null;
    } catch (caught) {
      return failureOf(caught);
    } finally {
      busy.value = false;
    }
  }

  const login = (request: LoginRequest) => act(() => api.login(request));
  const unlock = (password: string) => act(() => api.unlock(password));
  const lock = () => act(() => api.lockSession());
  const changePassword = (request: ChangePasswordRequest) => act(() => api.changePassword(request));

  async function logout(): Promise<ApiFailure | null> {
    const failure = await act(async () => {
      await api.logout();
      return null;
    });
    // Whatever core answered, read where things stand now.
    if (failure) await refresh();
    return failure;
  }

  /** The clerk typed or clicked: tell core, at most once per `activityThrottleMs`. */
  function noteActivity(now = Date.now()): void {
    if (!session.value || session.value.locked) return;
    if (now - lastActivityReport < activityThrottleMs) return;
    lastActivityReport = now;
    api.reportActivity().catch(() => {
      // Refused means core locked or ended the session meanwhile: the failure listener refreshes.
    });
  }

  /**
   * Starts following the session: polls the status every `statusPollMs`
   * while the window is visible, reads it at once when the window comes
   * back, and reports the clerk's input. Returns the function that stops.
   */
  function follow(): () => void {
    const readIfVisible = (): void => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const onInput = (): void => noteActivity();
    const timer = window.setInterval(readIfVisible, statusPollMs);
    window.addEventListener('focus', readIfVisible);
    document.addEventListener('visibilitychange', readIfVisible);
    for (const type of activityEvents) window.addEventListener(type, onInput, { capture: true, passive: true });
    const stopListening = onApiFailure((method, failure) => {
      if (method !== 'status' && sessionFailures.includes(failure.code)) void refresh();
    });
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', readIfVisible);
      document.removeEventListener('visibilitychange', readIfVisible);
      for (const type of activityEvents) window.removeEventListener(type, onInput, { capture: true });
      stopListening();
    };
  }

  return {
    status,
    statusError,
    busy,
    session,
    locked,
    signedIn,
    refresh,
    accessState,
    adopt,
    login,
    unlock,
    lock,
    logout,
    changePassword,
    noteActivity,
    follow,
  };
});
