/** Copies text; falls back to a hidden textarea where the async API is missing or denied. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    // execCommand is deprecated but is the only path on older iOS WebViews and
    // on plain-http origins, where navigator.clipboard does not exist.
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}
