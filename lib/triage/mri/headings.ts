import { levelsOfParts } from './levels';

/**
 * Level headings: "L4-5: …" at the start of a line gives its level to the findings on that line and, when the
 * heading stands alone on its line, to the lines below it up to a blank line, a section heading ("Impression:"),
 * another heading, or at most HEADING_REACH lines.
 *
 * The tracker walks the report forward once, line by line, remembering the last line that stops the reach of a
 * heading above it (a heading, a blank line, a section heading), instead of searching upwards from every line that
 * has findings. Lines are classified only up to the last line asked about, so a flood of heading lines without
 * findings costs nothing.
 */
// A level, then a colon or a dash set off by a space ("L4-5:", "L4/5 –").
const HEADING_RE = /[ \t]*(?:[-*•][ \t]*)?(?:level[ \t]+)?([ctls])(\d{1,2})(?:[ \t]?[-–—\/][ \t]?([ctls])?(\d{1,2}))?(?:[ \t]*:|[ \t]+[-–—](?=[ \t\r\n]|$))/iy;
/** A heading stands alone on its line for at most this many lines below it. */
const HEADING_REACH = 30;

interface Heading {
  levels: string[];
  alone: boolean;
}

/**
 * A necessary condition for HEADING_RE at `i`, checked without the regex: after blanks and an optional bullet, a
 * level letter and a digit, or "le…" (for "level"). Most lines start with a word and fail here.
 */
function mayBeHeading(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  if (c === 45 || c === 42 || c === 0x2022) { // '-', '*', '•'
    c = text.charCodeAt(++i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
  }
  const l = c | 32;
  if (l === 108 && (text.charCodeAt(i + 1) | 32) === 101) return true;
  const next = text.charCodeAt(i + 1);
  return (l === 99 || l === 116 || l === 108 || l === 115) && next >= 48 && next <= 57;
}

/** /[ \t\r]*(?:\n|$)/y at `i`: only blanks, tabs and CRs up to the end of the line (or of the text)? */
function restIsBlank(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9 || c === 13) c = text.charCodeAt(++i);
  return i >= text.length || c === 10;
}

function headingAt(text: string, lineStart: number): Heading | null {
  if (!mayBeHeading(text, lineStart)) return null;
  HEADING_RE.lastIndex = lineStart;
  const m = HEADING_RE.exec(text);
  if (m === null) return null;
  const levels = levelsOfParts(m[1], m[2], m[3], m[4]);
  return { levels, alone: restIsBlank(text, HEADING_RE.lastIndex) };
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * A section heading such as "Impression:" at the line start: /[ \t]*[a-z][a-z \t]{0,30}:/iy written out (a letter,
 * then at most 30 letters, spaces or tabs, then ':'; no other path can reach the ':').
 */
function isSection(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  if (!isAsciiLetter(text.charCodeAt(i))) return false;
  const stop = i + 31;
  // The ':' must come within reach: most lines have none there, and indexOf finds that without a loop here.
  const colon = text.indexOf(':', i + 1);
  if (colon < 0 || colon > stop) return false;
  for (i++; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c) && c !== 32 && c !== 9) break;
  }
  return text.charCodeAt(i) === 58;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

export class HeadingTracker {
  /** Start offset and index of the line the cursor is on (not classified yet). */
  private lineStart = 0;
  private line = 0;
  /** The cursor line's own heading, when already read (undefined: not read). */
  private own: Heading | null | undefined = undefined;
  /** Where the cursor line ends, when the caller said (-1: not known yet). */
  private ownEnd = -1;
  /** The last line above the cursor that stops a heading's reach, and the levels it passes down (null: none). */
  private stopLine = -1;
  private stopLevels: readonly string[] | null = null;

  constructor(private readonly text: string) {}

  /**
   * The level heading for the line starting at `lineStart`: its own ("L4-5: Disc bulge.") or one standing alone on
   * a line above it. Calls must come with non-decreasing line starts. `lineEnd`, where that line ends (its newline or
   * the text's end), spares looking for it again when the cursor moves past it.
   */
  levelsFor(lineStart: number, lineEnd = -1): readonly string[] | null {
    const { text } = this;
    while (this.lineStart < lineStart) {
      let end = this.ownEnd;
      if (end < 0) {
        const nl = text.indexOf('\n', this.lineStart);
        end = nl < 0 ? text.length : nl;
      }
      this.ownEnd = -1;
      const h = this.own !== undefined ? this.own : headingAt(text, this.lineStart);
      if (h !== null) this.stop(h.alone ? h.levels : null);
      // A blank line or a section heading only ends the reach of a heading above: without one, nothing to end (the
      // answer is null whatever stopLine says while stopLevels is null).
      else if (this.stopLevels !== null && (isBlank(text, this.lineStart, end) || isSection(text, this.lineStart))) this.stop(null);
      this.own = undefined;
      this.line++;
      this.lineStart = end + 1;
    }
    if (lineEnd >= 0) this.ownEnd = lineEnd;
    if (this.own === undefined) this.own = headingAt(text, lineStart);
    if (this.own !== null) return this.own.levels;
    return this.stopLine >= 0 && this.line - this.stopLine <= HEADING_REACH ? this.stopLevels : null;
  }

  private stop(levels: readonly string[] | null): void {
    this.stopLine = this.line;
    this.stopLevels = levels;
  }
}
