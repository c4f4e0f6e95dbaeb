// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft } from './draft';
import { clearLocalDraft, draftKey, readLocalDraft, restorable, storeLocalDraft } from './localDraft';

const typed = { ...emptyDraft(), title: '新标题', content: '正文 #话题 ' };

describe('local drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one draft per note and one for the new note', () => {
    storeLocalDraft(null, typed, null);
    storeLocalDraft(7, { ...typed, title: '第七篇' }, 3);
    expect(readLocalDraft(null)?.draft.title).toBe('新标题');
    expect(readLocalDraft(7)).toMatchObject({ draft: { title: '第七篇' }, baseVersion: 3 });
    expect(readLocalDraft(8)).toBeNull();
    expect(draftKey(null)).not.toBe(draftKey(7));
  });

  it('is gone once cleared (after a save)', () => {
    storeLocalDraft(7, typed, 1);
    clearLocalDraft(7);
    expect(readLocalDraft(7)).toBeNull();
  });

  it('offers a kept draft only when it differs from what was loaded', () => {
    storeLocalDraft(7, typed, 1);
    expect(restorable(7, typed)).toBeNull();
    expect(restorable(7, { ...typed, title: '服务器上的' })?.draft.title).toBe('新标题');
    storeLocalDraft(null, emptyDraft(), null);
    expect(restorable(null)).toBeNull();
  });

  it('ignores what it cannot read instead of failing the editor', () => {
    localStorage.setItem(draftKey(7), '{not json');
    expect(readLocalDraft(7)).toBeNull();
    localStorage.setItem(draftKey(7), JSON.stringify({ draft: { title: 1 } }));
    expect(readLocalDraft(7)).toBeNull();
  });

  it('survives a storage that refuses to write', () => {
    const full = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      getItem: () => null,
      removeItem: () => undefined,
    } as unknown as Storage;
    expect(() => storeLocalDraft(7, typed, 1, full)).not.toThrow();
    expect(readLocalDraft(7, full)).toBeNull();
  });
});
