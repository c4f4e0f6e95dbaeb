// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, nextTick, ref } from 'vue';
import { i18n } from '../i18n';
import OnceSecret from './OnceSecret.vue';

const q = (id: string) => document.body.querySelector(`[data-testid="${id}"]`);

/** The way the pages use it: the parent holds the secret and drops it on close. */
function mount(secret: string) {
  const held = ref<string | null>(secret);
  const Host = defineComponent(() => () => h(OnceSecret, { title: 'Token made', secret: held.value, onClose: () => (held.value = null) }));
  const el = document.createElement('div');
  document.body.append(el);
  const app = createApp(Host).use(i18n);
  app.mount(el);
  return { app, held };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('OnceSecret', () => {
  it('shows the secret with a warning that it will not be shown again', async () => {
    const { app } = mount('xhp_abc123');
    await vi.waitFor(() => expect(q('once-secret-value')?.textContent).toBe('xhp_abc123'));
    expect(q('once-secret-warning')?.textContent).toContain('无法再次查看');
    app.unmount();
  });

  it('copies the exact secret and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { app } = mount('xhp_abc123');
    await vi.waitFor(() => expect(q('once-secret-copy')).not.toBeNull());
    (q('once-secret-copy') as HTMLElement).click();
    await vi.waitFor(() => expect(q('once-secret-copied')?.textContent).toContain('已复制'));
    expect(writeText).toHaveBeenCalledWith('xhp_abc123');
    app.unmount();
  });

  it('forgets the secret once closed, so it cannot be shown again', async () => {
    const { app, held } = mount('s3cret-password!');
    await vi.waitFor(() => expect(q('once-secret-done')).not.toBeNull());
    (q('once-secret-done') as HTMLElement).click();
    await nextTick();
    expect(held.value).toBeNull();
    await vi.waitFor(() => expect(document.body.textContent ?? '').not.toContain('s3cret-password!'));
    app.unmount();
  });
});
