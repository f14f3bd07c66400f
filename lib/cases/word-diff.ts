/**
 * Word-level difference between the text our server read from an uploaded report and the text the patient
 * confirmed, so a clinician sees exactly which words the patient changed. Pure; no dependencies.
 *
 * Whitespace belongs to the word before it and is not compared, so a re-wrapped line is not an edit. The kept and
 * added pieces, joined, give back `after` exactly (kept words carry the patient's whitespace).
 */
type DiffPiece = { kind: 'same' | 'added' | 'removed'; text: string };

/** Beyond this many cell comparisons the changed middle is shown as one removal and one addition. */
const MAX_CELLS = 4_000_000;

const words = (s: string): string[] => s.match(/\S+\s*|\s+/g) ?? [];
/** Two words are the same whatever whitespace follows them (OCR line breaks vs the patient's spaces). */
const key = (w: string) => w.trimEnd();

function push(out: DiffPiece[], kind: DiffPiece['kind'], text: string): void {
  if (!text) return;
  const last = out.at(-1);
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/** Longest common subsequence on the middle (after the common prefix and suffix are cut off). */
function diffMiddle(a: string[], b: string[], out: DiffPiece[]): void {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    push(out, 'removed', a.join(''));
    push(out, 'added', b.join(''));
    return;
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] = key(a[i]) === key(b[j]) ? lcs[at(i + 1, j + 1)] + 1 : Math.max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(a[i]) === key(b[j])) {
      push(out, 'same', b[j]);
      i++;
      j++;
    } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) push(out, 'removed', a[i++]);
    else push(out, 'added', b[j++]);
  }
  while (i < n) push(out, 'removed', a[i++]);
  while (j < m) push(out, 'added', b[j++]);
}

/** The words of `after` marked as kept or added, with the words of `before` that were removed, in reading order. */
export function diffWords(before: string, after: string): DiffPiece[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && key(a[start]) === key(b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && key(a[endA - 1]) === key(b[endB - 1])) {
    endA--;
    endB--;
  }
  const out: DiffPiece[] = [];
  push(out, 'same', b.slice(0, start).join(''));
  diffMiddle(a.slice(start, endA), b.slice(start, endB), out);
  push(out, 'same', b.slice(endB).join(''));
  return out;
}
