/** Mounting the whole window (App.vue with the guarded router) on a fake window.api. */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { createMemoryHistory, type Router } from 'vue-router';
import App from '../../renderer/src/App.vue';
import { createAppRouter } from '../../renderer/src/router';
import { useSessionStore } from '../../renderer/src/stores/session';
import { type FakeAnswers, type FakeApi, installFakeApi } from './fakeApi';

// happy-dom's Element#toString returns the element's outerHTML, and Popper
// (every Element Plus select, cascader and tooltip) calls `node.toString()`
// on each ancestor to tell a window from an element: the long student form
// spent tens of seconds serializing the page. Browsers answer "[object …]".
Element.prototype.toString = function toString(this: Element): string {
  return Object.prototype.toString.call(this);
};

export interface MountedApp {
  readonly wrapper: VueWrapper;
  readonly router: Router;
  readonly fake: FakeApi;
  readonly session: ReturnType<typeof useSessionStore>;
  /** Lets pending calls, lazy route components and re-renders finish. */
  settle(): Promise<void>;
  unmount(): void;
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await flushPromises();
    await vi.dynamicImportSettled();
  }
}

export async function mountApp(path: string, answers: FakeAnswers = {}): Promise<MountedApp> {
  const fake = installFakeApi(answers);
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory(), () => useSessionStore(pinia).accessState());
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await router.push(path);
  await router.isReady();
  await settle();
  return {
    wrapper,
    router,
    fake,
    session: useSessionStore(pinia),
    settle,
    unmount: () => wrapper.unmount(),
  };
}

/** The text of the whole document, Element Plus' teleported dialogs included. */
export const bodyText = (): string => document.body.textContent?.replace(/\s+/g, ' ') ?? '';

/** A button anywhere in the document by its text. */
export function button(text: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}
