import { foldForSearch } from '@pegase/platform';

export { foldForSearch };

/** What the fuzzy search of training objects compares: code and labels, folded. */
export function searchTextOf(code: string, labels: { fr: string; en?: string | undefined }): string {
  return foldForSearch([code, labels.fr, labels.en ?? ''].join(' '));
}
