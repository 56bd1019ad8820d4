import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/main/senderPolicy';

const appUrl = 'file:///opt/xuejidesk/resources/app.asar/out/renderer/index.html';

describe('IPC sender validation (DESIGN.md §2)', () => {
  it('trusts our top frame on our page, whatever the route', () => {
    expect(isTrustedSender({ url: `${appUrl}#/system`, isOurTopFrame: true }, appUrl)).toBe(true);
  });

  it.each([
    ['a sub-frame', { url: appUrl, isOurTopFrame: false }],
    ['a frame that is gone', { url: null, isOurTopFrame: true }],
    ['another local file', { url: 'file:///tmp/evil.html', isOurTopFrame: true }],
    ['a web page', { url: 'https://example.com/index.html', isOurTopFrame: true }],
    ['a malformed URL', { url: 'not a url', isOurTopFrame: true }],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedSender(sender, appUrl)).toBe(false);
  });
});
