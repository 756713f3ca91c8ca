// Short forms as registers write them, in headers (`amt`, `dept`) and in cells (`ACT`, `EXP`).

const VOWELS = /[aeiou]/;
const isSubsequence = (short: string, long: string): boolean => {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
};

/**
 * Whether a header word is a short form of a word our synonyms use, as registers abbreviate
 * (`desc` description, `amt` amount, `tot` total, `dept` department, `mgr` manager, `dt` date):
 * the same first letter and the word's letters in order, three letters or more, or two consonants
 * of a word of at most four letters, found among the word's first letters. The caller decides
 * which words may be short forms (a word that is itself one of ours never is).
 * @example abbreviates("amt", "amount") → true; abbreviates("stat", "segmentation") → false
 */
export function abbreviates(short: string, word: string): boolean {
  if (short[0] !== word[0] || short.length >= word.length || /\d/.test(short)) return false;
  if (short.length === 2) return word.length <= 4 && !VOWELS.test(short) && isSubsequence(short, word);
  // Within the word's first letters: `stat` is not `segmentation` (s…t…a…t spread over it).
  return short.length >= 3 && isSubsequence(short, word.slice(0, short.length + 4));
}
