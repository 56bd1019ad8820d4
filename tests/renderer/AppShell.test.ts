/** The window frame: product name, navigation built from the routes, the default page. */
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.vue';
import { createAppRouter, navigationItems } from '../../renderer/src/router';
import { installFakeApi, removeFakeApi } from './fakeApi';

afterEach(removeFakeApi);

describe('app shell', () => {
  it('lists only built screens in the navigation', () => {
    expect(navigationItems()).toEqual([{ path: '/system', title: '系统信息' }]);
  });

  it('opens 系统信息 by default, under the product name, and titles the window', async () => {
    installFakeApi();
    const router = createAppRouter(createMemoryHistory());
    await router.push('/');
    await router.isReady();
    const app = mount(App, { global: { plugins: [createPinia(), router] } });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/system');
    expect(app.find('.brand-name').text()).toBe('学籍工作台');
    expect(
      app
        .find('nav')
        .findAll('li')
        .map((item) => item.text()),
    ).toEqual(['系统信息']);
    expect(app.find('nav .is-active').text()).toBe('系统信息');
    expect(app.find('h1').text()).toBe('系统信息');
    expect(document.title).toBe('系统信息 - 学籍工作台');
    app.unmount();
  });

  it('sends an unknown address back to 系统信息', async () => {
    const router = createAppRouter(createMemoryHistory());
    await router.push('/students/123');
    expect(router.currentRoute.value.path).toBe('/system');
  });
});
