/**
 * unreadMri (CONTRACTS §3 v2): a sentence that names spinal anatomy or pathology but gave no finding is shown to the
 * clinician as "not read by the system". A sentence that only states something normal has been read.
 */
/**
 * The words that make a sentence about the spine: anatomy or pathology (level names alone do not). Grouped by first
 * letter, so at a word start the regex tries only the words with that letter (the same words as the flat list
 * dis[ck]s?|discal|vertebra\w*|cord|… it replaces, which tried every word at every position).
 */
const SPINE_WORD_RE = new RegExp(`\\b(?:${[
  'a(?:lignment|bnormal\\w*|rthro\\w*)',
  'bulg\\w*',
  'c(?:ord|onus|auda|anal|occy\\w*|ollections?|ompress\\w*|ysts?|ollaps\\w*|alcif\\w*)',
  'd(?:is[ck]s?|iscal|ural|egenera\\w*|isplac\\w*|estruct\\w*|eform\\w*)',
  'e(?:nd\\s?-?plates?|pidural|dema|nhanc\\w*|xtru\\w*|ffusions?|rosions?)',
  'f(?:oram\\w*|acets?|lavum|ractur\\w*|issur\\w*)',
  'h(?:erniat\\w*|yperintens\\w*|ypointens\\w*|ypertroph\\w*)',
  'infiltrat\\w*',
  'kyphos\\w*',
  'l(?:igament\\w*|ordos\\w*|amina\\w*|esions?|isthes\\w*)',
  'm(?:arrow|ass(?:es)?|yel\\w*|odic)',
  'narrow\\w*',
  'o(?:dontoid|steophyt\\w*|edema|ssif\\w*)',
  'p(?:ars|edicles?|araspinal|soas|rotru\\w*)',
  'r(?:ecess\\w*|oots?)',
  's(?:ac|colios\\w*|pinous|acr\\w*|pondyl\\w*|ignal|tenos\\w*|yrinx|clero\\w*)',
  't(?:hecal|umou?rs?|hicken\\w*|ears?)',
  'uncovertebral',
  'vertebra\\w*',
].join('|')})\\b`);
/** A sentence that only says the anatomy is normal ("Paraspinal soft tissues are unremarkable") has been read. */
const NORMAL_ONLY_RE = /\b(?:normal(?:ly)?|unremarkable|preserved|maintained|intact|patent|no\s+(?:significant\s+)?abnormalit\w*)\b/;
const ABNORMAL_RE = /\b(?:lesion|mass|collection|o?edema|oedema|enhanc|stenos|narrow|compress|herniat|protru|extru|fractur|abnormal(?!it)|hyperintens|hypointens|thicken|hypertroph|displac|erosion|destruct|bulg|tear|fissur|listhes|collaps|deform|infiltrat|cyst|syrinx|tumou?r|straighten|revers|loss|reduc|increas|decreas|but|however|except)/;

/** Is this sentence (lower-cased), which gave no finding, one a person must read? */
export function isUnreadSentence(text: string): boolean {
  return SPINE_WORD_RE.test(text) && !(NORMAL_ONLY_RE.test(text) && !ABNORMAL_RE.test(text));
}
