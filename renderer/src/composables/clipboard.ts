/**
 * Copying text for the clerk. The clipboard can be refused (no permission,
 * an unfocused window, a non-secure page), so this never throws: it says
 * whether it worked and the caller offers the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
