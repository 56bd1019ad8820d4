/**
 * Which frames may call the API (DESIGN.md §2): only the top frame of our
 * own window, showing our own page. Pure, so it is tested under Node.
 */
export interface SenderFacts {
  /** The frame's URL, or null when the frame is gone. */
  readonly url: string | null;
  /** Whether the frame is the main frame of our one window. */
  readonly isOurTopFrame: boolean;
}

export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  if (!sender.isOurTopFrame || sender.url === null) return false;
  return samePage(sender.url, appUrl);
}

/** Same document, whatever the route after '#'. */
function samePage(url: string, appUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(appUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
