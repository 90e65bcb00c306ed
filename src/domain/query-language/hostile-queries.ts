// Test data shared by the query-language and search tests (not imported by application code).

/** Deterministic pseudo-random generator so failures reproduce. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ...'abcXYZ019 "\'()-*:^+~{}[]<>|\\/.,;!?&%$#@`=\t\n\r\0',
  'OR',
  'AND',
  'NEAR',
  'NOT',
  'NEAR/3',
  'é',
  'ß',
  'ﬁ',
  '网',
  '络',
  'の',
  'ا',
  'ل',
  'я',
  '\u202e',
  '\u200b',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  '👨‍👩‍👧',
  '"',
  '“',
  '”',
  '（',
  '＂',
];

/** Hostile strings: a fixed list plus thousands of random ones from characters that are FTS5 syntax. */
export function hostileQueries(count = 2000, seed = 7): string[] {
  const fixed = [
    '',
    ' ',
    '"',
    '""',
    '"""',
    '-',
    '--',
    '-"',
    '-(',
    '*',
    '**',
    'a*b*',
    'OR',
    'OR OR',
    'a OR',
    'OR a',
    '-a OR b',
    'AND',
    'NEAR(a b)',
    'NEAR',
    'a:b',
    ':',
    '::',
    'title:',
    '{title}: x',
    '^a',
    '(',
    ')',
    '((a)',
    'a)',
    'x\u0000y',
    '\u0000',
    '😀',
    '😀 cyber',
    'مرحبا بالعالم',
    '\u202eevil\u202c',
    'Привет "мир',
    '网络安全 "国家',
    'a'.repeat(5000),
    'ab '.repeat(1700),
    '"a b c'.repeat(800),
    '\ud800',
    'cyber\ud800security',
    'x'.repeat(20_000),
  ];
  const rand = mulberry32(seed);
  const out = [...fixed];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(rand() * 40);
    let s = '';
    for (let k = 0; k < len; k++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}
