const UNITS: Record<string, number> = {
  zero: 0, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };

/**
 * Replaces number words with digits and drops a repeated figure in brackets, so registers'
 * `two (2) periods of twelve (12) months` reads `2 periods of 12 months`.
 * @example digitsForWords("twenty-four months") → "24 months"
 */
export function digitsForWords(text: string): string {
  return text
    .replace(/\b(twenty|thirty|forty|fifty|sixty)[\s-]+(one|two|three|four|five|six|seven|eight|nine)\b/gi, (_, t: string, u: string) =>
      String(TENS[t.toLowerCase()] + UNITS[u.toLowerCase()]),
    )
    .replace(/\b(twenty|thirty|forty|fifty|sixty)\b/gi, (w: string) => String(TENS[w.toLowerCase()]))
    .replace(/\b(zero|one|single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/gi, (w: string) =>
      String(UNITS[w.toLowerCase()]),
    )
    .replace(/\b(\d+)\s*[([]\s*\1\s*[)\]]/g, "$1");
}
