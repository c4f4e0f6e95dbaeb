/**
 * The problems of an import's dry run, placed in the cells of its table: a
 * problem's `field` (`title`, `image_urls[2]`, `notes`, `rows[5].title`)
 * names the column it is shown in. Pure, so the table's marks are tested
 * without a browser.
 */
export interface ImportProblemLike {
  column: string;
  field: string;
  rule: string;
  message: string;
  actual?: number | null;
  limit?: number | null;
}

export interface ImportRowLike {
  row: number;
  problems: ImportProblemLike[];
}

/** The table's column a problem's field belongs to. */
export function columnOfField(field: string): string {
  const bare = field.replace(/^rows\[\d+\]\./, '').replace(/\[\d+\]$/, '');
  const aliases: Record<string, string> = {
    image_urls: 'images',
    cover_url: 'cover',
    video_url: 'video',
    notes: 'note',
    nickname: 'name',
    // A 变体 row's label.
    label: 'variant',
  };
  return aliases[bare] ?? bare;
}

/** Each column of a row with its problems (a column without any is absent). */
export function problemsByColumn<P extends ImportProblemLike>(row: { problems: P[] }): Record<string, P[]> {
  const out: Record<string, P[]> = {};
  for (const p of row.problems) {
    const col = columnOfField(p.field);
    (out[col] ??= []).push(p);
  }
  return out;
}

/** What the dry run says in one line: rows, rows with problems, what a commit would do. */
export interface ImportSummary {
  total: number;
  withProblems: number;
  /** Rows a commit would write in `all_or_nothing` (0 when any row has a problem). */
  allOrNothing: number;
  /** Rows a commit would write in `valid_rows`. */
  validRows: number;
}

export function summarize(rows: ImportRowLike[], unchanged: (r: ImportRowLike) => boolean = () => false): ImportSummary {
  const withProblems = rows.filter((r) => r.problems.length > 0).length;
  const writable = rows.filter((r) => r.problems.length === 0 && !unchanged(r)).length;
  return {
    total: rows.length,
    withProblems,
    allOrNothing: withProblems > 0 ? 0 : writable,
    validRows: writable,
  };
}
