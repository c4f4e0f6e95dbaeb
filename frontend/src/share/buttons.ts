/**
 * One button per offered platform, in the server's order: the first is the
 * page's one primary button (发布到小红书 when XHS leads), the others a compact
 * row under it so the footer stays small over the note. Each wears its
 * platform's colours and glyph (share.css, `.pf-<id>`).
 */
import { h } from './dom';
import { GLYPH, type Platform, type PlatformId } from './platforms';
import { named, type ShareStrings } from './strings';

/** XHS keeps its historical test id; the others are `platform-<id>`. */
export const buttonTestId = (id: PlatformId): string => (id === 'xhs' ? 'publish-button' : `platform-${id}`);

export function platformButton(s: ShareStrings, p: Platform, primary: boolean): HTMLButtonElement {
  const label = primary ? (p.platform === 'xhs' ? s.publish : named(s.publishTo, p.name)) : p.name;
  return h(
    'button',
    {
      class: `btn btn-platform pf-${p.platform} ${primary ? 'btn-primary btn-publish' : 'btn-secondary'}`,
      testid: buttonTestId(p.platform),
      attrs: {
        type: 'button',
        'data-platform': p.platform,
        // The glyph is drawn by CSS from here, so the button's text stays its label.
        'data-glyph': GLYPH[p.platform],
        'aria-label': named(s.publishTo, p.name),
      },
    },
    label,
  );
}

export interface PlatformBar {
  /** Every platform's button, in order. */
  buttons: Map<PlatformId, HTMLButtonElement>;
  /** What the footer shows: the primary button, then the row of the others. */
  nodes: HTMLElement[];
}

export function platformBar(s: ShareStrings, platforms: readonly Platform[]): PlatformBar {
  const buttons = new Map<PlatformId, HTMLButtonElement>();
  const made = platforms.map((p, i) => {
    const b = platformButton(s, p, i === 0);
    buttons.set(p.platform, b);
    return b;
  });
  const [primary, ...rest] = made;
  const nodes: HTMLElement[] = primary ? [primary] : [];
  if (rest.length) nodes.push(h('div', { class: 'platform-row', testid: 'platform-buttons' }, ...rest));
  return { buttons, nodes };
}
