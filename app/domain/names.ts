// The order of names people read (students, misconceptions): alphabetical as a
// reader expects, where neither case nor accents put a name first or last. Sorted
// here rather than by the database, whose order differs between engines (SQLite
// compares bytes; PostgreSQL follows the server's locale), decision 011.

export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { sensitivity: "base" }) || a.localeCompare(b, "en") || (a < b ? -1 : a > b ? 1 : 0);
}

export const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);
