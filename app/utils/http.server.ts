/** Throws a 404 response: used when a record is missing or not the user's. */
export function notFound(message = "We couldn't find that page."): never {
  throw new Response(message, { status: 404 });
}
