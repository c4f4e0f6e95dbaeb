import { describe, expect, it } from 'vitest';
import { columnOfField, problemsByColumn, summarize } from './importProblems';

const p = (field: string, rule = 'max_chars') => ({ column: '', field, rule, message: '' });

describe('import problems', () => {
  it('places each problem in the column of its field', () => {
    expect(columnOfField('title')).toBe('title');
    expect(columnOfField('image_urls[2]')).toBe('images');
    expect(columnOfField('video_url')).toBe('video');
    expect(columnOfField('notes')).toBe('note');
    expect(columnOfField('rows[5].cover_url')).toBe('cover');
  });

  it('groups a row’s problems by column, leaving clean columns out', () => {
    const row = { problems: [p('title'), p('image_urls[0]', 'absolute_http_url'), p('image_urls', 'max_items')] };
    const cells = problemsByColumn(row);
    expect(Object.keys(cells).sort()).toEqual(['images', 'title']);
    expect(cells.images?.map((x) => x.rule)).toEqual(['absolute_http_url', 'max_items']);
  });

  it('says all_or_nothing writes nothing when one row has a problem', () => {
    const rows = [{ row: 2, problems: [] }, { row: 3, problems: [p('title')] }, { row: 4, problems: [] }];
    expect(summarize(rows)).toEqual({ total: 3, withProblems: 1, allOrNothing: 0, validRows: 2 });
    expect(summarize(rows.filter((r) => r.row !== 3))).toEqual({ total: 2, withProblems: 0, allOrNothing: 2, validRows: 2 });
  });

  it('does not count unchanged roster rows as writes', () => {
    const rows = [{ row: 2, problems: [] }, { row: 3, problems: [] }];
    expect(summarize(rows, (r) => r.row === 2).validRows).toBe(1);
  });
});
