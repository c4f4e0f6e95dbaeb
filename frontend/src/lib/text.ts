/**
 * Counting as the XHS app does, mirrored from the server's `crates/domain`
 * (`char_count`, `count_topics`) so the live counters agree with pre-flight.
 */

/** XHS caps a title at 20 characters. */
export const MAX_TITLE_CHARS = 20;
/** XHS caps a note body at 1000 characters. */
export const MAX_BODY_CHARS = 1000;
/** At most 10 `#topic`s per note. */
export const MAX_TOPICS = 10;

/**
 * Characters as XHS counts them: Unicode code points, so 汉字 and most emoji
 * count 1 each (`"".length` would count UTF-16 units and give 2 for an emoji).
 */
export function countChars(s: string): number {
  let n = 0;
  // for..of walks code points without allocating an array for a 1000-char body.
  for (const _ of s) n++;
  return n;
}

/** A piece of body text: plain, or a `#topic` to highlight. */
export interface TextSegment {
  text: string;
  topic: boolean;
}

const isSpace = (c: string): boolean => /\s/u.test(c);

/**
 * Splits a body into plain and topic segments. A topic is `#` followed by at
 * least one character that is neither whitespace nor `#`, ending at whitespace
 * or the end of the text (XHS has no topic field: topics are typed in the body
 * and closed with a space). `#a#b ` holds one topic, `#b`, like the server.
 */
export function splitTopics(s: string): TextSegment[] {
  const chars = [...s];
  const out: TextSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < chars.length) {
    if (chars[i] !== '#') {
      plain += chars[i];
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chars.length && !isSpace(chars[j] as string) && chars[j] !== '#') j++;
    const word = chars.slice(i, j).join('');
    const endsCleanly = j === chars.length || isSpace(chars[j] as string);
    if (j > i + 1 && endsCleanly) {
      if (plain) out.push({ text: plain, topic: false });
      out.push({ text: word, topic: true });
      plain = '';
    } else {
      plain += word;
    }
    i = j;
  }
  if (plain) out.push({ text: plain, topic: false });
  return out;
}

/** Number of `#topic`s in a body (see {@link splitTopics} for the rule). */
export function countTopics(s: string): number {
  return splitTopics(s).filter((seg) => seg.topic).length;
}

/** A counter's state for the UI: `over` turns it red. */
export interface CounterState {
  count: number;
  max: number;
  over: boolean;
}

export function counter(count: number, max: number): CounterState {
  return { count, max, over: count > max };
}
