/** The session store: status polling while visible, throttled activity reports, and noticing a lock. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../renderer/src/api';
import { activityThrottleMs, statusPollMs, useSessionStore } from '../../renderer/src/stores/session';
import type { AppStatus } from '../../shared/system';
import { installFakeApi, removeFakeApi } from './fakeApi';
import { adminSession, signedIn } from './fixtures';

let stop: (() => void) | undefined;

beforeEach(() => {
  setActivePinia(createPinia());
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  removeFakeApi();
});

describe('session store', () => {
  it('reports input at most once per 30 seconds, and never while locked or signed out', async () => {
    const fake = installFakeApi({ status: signedIn(adminSession) });
    const session = useSessionStore();
    session.noteActivity(0);
    expect(fake.calls['reportActivity']).toBeUndefined(); // nobody signed in yet
    await session.refresh();
    session.noteActivity(1_000);
    session.noteActivity(2_000);
    session.noteActivity(1_000 + activityThrottleMs - 1);
    expect(fake.calls['reportActivity']).toBe(1);
    session.noteActivity(1_000 + activityThrottleMs);
    expect(fake.calls['reportActivity']).toBe(2);
    session.adopt({ ...adminSession, locked: true });
    session.noteActivity(1_000 + 3 * activityThrottleMs);
    expect(fake.calls['reportActivity']).toBe(2);
  });

  it('turns keyboard and mouse input into activity reports, but not timers', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const fake = installFakeApi({ status: signedIn(adminSession) });
    const session = useSessionStore();
    await session.refresh();
    stop = session.follow();
    await vi.advanceTimersByTimeAsync(5 * statusPollMs);
    expect(fake.calls['reportActivity']).toBeUndefined();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    window.dispatchEvent(new MouseEvent('pointerdown'));
    expect(fake.calls['reportActivity']).toBe(1);
  });

  it('reads the status every 5 seconds while visible, and at once on focus', async () => {
    vi.useFakeTimers();
    const fake = installFakeApi({ status: signedIn(adminSession) });
    const session = useSessionStore();
    stop = session.follow();
    await vi.advanceTimersByTimeAsync(statusPollMs * 3);
    expect(fake.calls['status']).toBe(3);
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls['status']).toBe(4);
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await vi.advanceTimersByTimeAsync(statusPollMs * 3);
    expect(fake.calls['status']).toBe(4);
    hidden.mockRestore();
  });

  it('reads the status again when a call is refused because core locked the session', async () => {
    let status: AppStatus = signedIn(adminSession);
    installFakeApi({
      status: () => status,
      listAccounts: { code: 'SESSION_LOCKED', message: '屏幕已锁定，请输入密码解锁。' },
    });
    const session = useSessionStore();
    await session.refresh();
    stop = session.follow();
    status = signedIn({ ...adminSession, locked: true });
    await api.listAccounts().catch(() => undefined);
    await vi.waitFor(() => expect(session.locked).toBe(true));
  });
});
