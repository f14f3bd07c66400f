/**
 * unreadMri (CONTRACTS §3 v2): a sentence that names spinal anatomy or pathology but gave no finding is shown to the
 * clinician as "not read by the system". A sentence that only states something normal has been read.
 */
/** The words that make a sentence about the spine: anatomy or pathology (level names alone do not). */
const SPINE_WORD_RE = /\b(?:dis[ck]s?|discal|vertebra\w*|cord|conus|cauda|canal|foram\w*|recess\w*|facets?|end\s?-?plates?|marrow|pars|roots?|thecal|dural|sac|ligament\w*|flavum|alignment|lordos\w*|kyphos\w*|scolios\w*|spinous|pedicles?|lamina\w*|paraspinal|psoas|epidural|sacr\w*|coccy\w*|odontoid|uncovertebral|osteophyt\w*|spondyl\w*|lesions?|mass(?:es)?|collections?|o?edema|oedema|enhanc\w*|signal|stenos\w*|narrow\w*|compress\w*|herniat\w*|protru\w*|extru\w*|fractur\w*|degenera\w*|effusions?|cysts?|syrinx|tumou?rs?|abnormal\w*|hyperintens\w*|hypointens\w*|thicken\w*|hypertroph\w*|displac\w*|erosions?|destruct\w*|sclero\w*|bulg\w*|tears?|fissur\w*|listhes\w*|collaps\w*|deform\w*|infiltrat\w*|calcif\w*|ossif\w*|myel\w*|arthro\w*|modic)\b/;
/** A sentence that only says the anatomy is normal ("Paraspinal soft tissues are unremarkable") has been read. */
const NORMAL_ONLY_RE = /\b(?:normal(?:ly)?|unremarkable|preserved|maintained|intact|patent|no\s+(?:significant\s+)?abnormalit\w*)\b/;
const ABNORMAL_RE = /\b(?:lesion|mass|collection|o?edema|oedema|enhanc|stenos|narrow|compress|herniat|protru|extru|fractur|abnormal(?!it)|hyperintens|hypointens|thicken|hypertroph|displac|erosion|destruct|bulg|tear|fissur|listhes|collaps|deform|infiltrat|cyst|syrinx|tumou?r|straighten|revers|loss|reduc|increas|decreas|but|however|except)/;

/** Is this sentence (lower-cased), which gave no finding, one a person must read? */
export function isUnreadSentence(text: string): boolean {
  return SPINE_WORD_RE.test(text) && !(NORMAL_ONLY_RE.test(text) && !ABNORMAL_RE.test(text));
}
