import { describe, expect, it, vi } from 'vitest';
import type { Link } from '../../api/types';
import { newestLive, publicLinkUrl } from './publicLink';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function link(id: number, over: Partial<Link> = {}): Link {
  return {
    id,
    post_id: 7,
    token: `tok${id}`,
    url: `https://pub.example/s/tok${id}`,
    status: 'active',
    platforms: ['xhs'],
    created_at: `2026-11-2${id % 10}T08:00:00Z`,
    ...over,
  };
}

describe('newestLive', () => {
  it('skips revoked, expired and past-expiry links and takes the newest of the rest', () => {
    const links = [
      link(1),
      link(2),
      link(3, { status: 'revoked', revoked_at: '2026-11-23T09:00:00Z' }),
      link(4, { status: 'expired' }),
      link(5, { expires_at: '2026-11-23T11:00:00Z' }),
    ];
    expect(newestLive(links, NOW)?.id).toBe(2);
  });

  it('is null when nothing opens', () => {
    expect(newestLive([link(1, { status: 'revoked' })], NOW)).toBeNull();
  });
});

describe('publicLinkUrl', () => {
  it('copies the newest live /s/ link without creating one', async () => {
    const create = vi.fn<() => Promise<Link>>();
    const url = await publicLinkUrl({ list: async () => [link(1), link(2)], create }, NOW);
    expect(url).toBe('https://pub.example/s/tok2');
    expect(create).not.toHaveBeenCalled();
  });

  it('creates a link when the post has none that opens, and never answers /p/', async () => {
    const create = vi.fn(async () => link(9));
    const url = await publicLinkUrl({ list: async () => [link(1, { status: 'revoked' })], create }, NOW);
    expect(create).toHaveBeenCalledOnce();
    expect(url).toBe('https://pub.example/s/tok9');
    expect(url).not.toContain('/p/');
  });
});
