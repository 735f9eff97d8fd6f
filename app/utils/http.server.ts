/** Throws a 404 response: used when a record is missing or not the user's. */
export function notFound(message = "We couldn't find that page."): never {
  throw new Response(message, { status: 404 });
}

export function forbidden(message = "You don't have access to this page."): never {
  throw new Response(message, { status: 403 });
}
