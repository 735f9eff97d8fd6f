// Which engine a DATABASE_URL names (decision 011): PostgreSQL for
// postgres:// and postgresql:// URLs, SQLite (a file: URL) otherwise.

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim());
}
