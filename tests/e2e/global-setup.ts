// Nothing to prepare beyond what scripts/e2e-server.mjs does (fresh, seeded database).
export default async function globalSetup() {}
