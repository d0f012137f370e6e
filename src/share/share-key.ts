// The mark of a share link in an address, apart from its codec, so the start page can
// recognise a link without loading what decodes it (link-codec.ts loads when one is opened).

/** The fragment key of a share link: `#share=1.<base64url of deflated JSON>`. */
export const SHARE_KEY = 'share=';

/** Whether a fragment (with or without '#') is a share link at all. */
export function isShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(SHARE_KEY);
}
