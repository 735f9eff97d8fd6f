// Counts in words, the same everywhere: "1 student", "3 students",
// "1 journal entry", "2 journal entries". Pure; shared by server and browser.

/** "1 student", "0 students", "2 journal entries" (give the plural when it isn't the word + "s"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Just the word for a count: "attempt" or "attempts". */
export function noun(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The full stop after a title in a sentence, or nothing when the title already ends one ("Why does it stop?"). */
export function fullStopAfter(title: string): string {
  return /[.?!…]["'”’)]?\s*$/u.test(title) ? "" : ".";
}
