import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '../../api/team-types';
import { awaitsApproval, reviewOf, sentBackComment } from './review';

const note = (review_status: ReviewStatus, extra: { review_comment?: string | null; reviewed_by?: string | null } = {}) => ({
  review_status,
  ...extra,
});

describe('review', () => {
  it('reads the review fields of a note, absent ones as null', () => {
    expect(reviewOf(note('in_review'))).toEqual({ review_status: 'in_review', review_comment: null, reviewed_by: null, reviewed_at: null });
    expect(reviewOf(note('draft', { review_comment: '改标题', reviewed_by: 'shenhe' })).reviewed_by).toBe('shenhe');
  });
  it('holds links back only when approval is on and the note is not approved', () => {
    expect(awaitsApproval(true, reviewOf(note('draft')))).toBe(true);
    expect(awaitsApproval(true, reviewOf(note('in_review')))).toBe(true);
    expect(awaitsApproval(true, reviewOf(note('approved')))).toBe(false);
    expect(awaitsApproval(false, reviewOf(note('draft')))).toBe(false);
    expect(awaitsApproval(true, null)).toBe(false);
  });
  it("shows the reviewer's comment only on a draft sent back", () => {
    expect(sentBackComment(reviewOf(note('draft', { review_comment: '标题再短一点' })))).toBe('标题再短一点');
    expect(sentBackComment(reviewOf(note('approved', { review_comment: '好' })))).toBeNull();
    expect(sentBackComment(reviewOf(note('draft')))).toBeNull();
  });
});
