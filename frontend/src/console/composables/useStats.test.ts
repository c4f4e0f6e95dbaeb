// @vitest-environment happy-dom
// @vitest-environment-options {"url": "http://console.test/"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useStats } from './useStats';

const totals = (opens: number) => ({ opens, taps: 1, sdk_loads: 0, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0 });

afterEach(() => vi.unstubAllGlobals());

describe('useStats', () => {
  it('asks for the chosen period and shows the totals the server returns for it', async () => {
    const urls: URL[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        const url = new URL(req.url);
        urls.push(url);
        const days = Number(url.searchParams.get('days'));
        const body = { totals: totals(days * 10), daily: [], failures_by_reason: [] };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const { days, stats } = useStats(ref({ kind: 'post' as const, id: 5 }));
    await vi.waitFor(() => expect(stats.value?.totals.opens).toBe(300));
    expect(urls[0]?.pathname).toBe('/api/posts/5/stats');
    expect(urls[0]?.searchParams.get('days')).toBe('30');

    days.value = 7;
    await nextTick();
    await vi.waitFor(() => expect(stats.value?.totals.opens).toBe(70));
    expect(urls.at(-1)?.searchParams.get('days')).toBe('7');
  });
});
