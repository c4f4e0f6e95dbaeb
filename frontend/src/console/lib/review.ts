/** A note's place in the approval workflow, as the console shows it. */
import type { Post } from '../../api/types';
import type { ReviewStatus } from '../../api/team-types';

/** The review fields of a note, each null when not set. */
export interface PostReview {
  review_status: ReviewStatus;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export function reviewOf(p: Pick<Post, 'review_status' | 'review_comment' | 'reviewed_by' | 'reviewed_at'>): PostReview {
  return {
    review_status: p.review_status,
    review_comment: p.review_comment ?? null,
    reviewed_by: p.reviewed_by ?? null,
    reviewed_at: p.reviewed_at ?? null,
  };
}

/** Whether links and dispatch must wait: approval is on and the note is not approved. */
export function awaitsApproval(approvalRequired: boolean, review: PostReview | null): boolean {
  return approvalRequired && review !== null && review.review_status !== 'approved';
}

/** The reviewer's comment worth showing: only on a draft that was sent back with one. */
export function sentBackComment(review: PostReview): string | null {
  return review.review_status === 'draft' && review.review_comment ? review.review_comment : null;
}
